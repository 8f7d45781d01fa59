// One jest configuration, one project per layer; tools/test-all.sh runs them in order.
const path = require('path')

const root = path.resolve(__dirname, '..')
const tsJest = [
  'ts-jest',
  { isolatedModules: true, tsconfig: path.join(root, 'tsconfig.json'), diagnostics: false },
]

const nodeProject = (name, dirs, extra = {}) => ({
  displayName: name,
  rootDir: root,
  testEnvironment: 'node',
  testMatch: dirs.map((d) => `<rootDir>/test/${d}/**/*.test.ts`),
  transform: { '^.+\\.tsx?$': tsJest },
  ...extra,
})

module.exports = {
  projects: [
    nodeProject('unit', ['unit']),
    nodeProject('cloud', ['local-cloud', 'functions']),
    {
      displayName: 'pages',
      rootDir: root,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/pages/setup.ts'],
      transform: {
        '^.+\\.[jt]sx?$': [
          'ts-jest',
          {
            isolatedModules: true,
            diagnostics: false,
            tsconfig: { jsx: 'react-jsx', allowJs: true, esModuleInterop: true },
          },
        ],
      },
      transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|swiper|@nutui)/)'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/pages/taro-stub.ts',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/pages/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
    },
    nodeProject('weapp', ['weapp']),
    nodeProject('e2e', ['e2e']),
  ],
}
