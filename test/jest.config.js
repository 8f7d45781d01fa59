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
      setupFiles: ['<rootDir>/test/pages/setup.ts', '<rootDir>/test/support/follow-clock.ts'],
      // The pages run as the H5 build: `./transport` is transport.h5.ts, as Taro resolves it for h5.
      haste: { defaultPlatform: 'h5', platforms: ['h5', 'weapp'] },
      transform: {
        '^.+\\.m?[jt]sx?$': [
          'ts-jest',
          {
            isolatedModules: true,
            diagnostics: false,
            tsconfig: { jsx: 'react-jsx', allowJs: true, esModuleInterop: true },
          },
        ],
      },
      // Taro's React components ship ESM, some of it (tslib) nested in their own .pnpm folder.
      transformIgnorePatterns: [
        '/node_modules/(?!(@tarojs|@stencil|swiper|@nutui|@swc|\\.pnpm|tslib|@qiun)/)',
      ],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/pages/taro-stub.ts',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/pages/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@core/(.*)$': '<rootDir>/cloudfunctions/core/$1',
      },
    },
    // The real dist/weapp build in miniprogram-simulate, which draws into a DOM (jsdom + Node's fetch).
    nodeProject('weapp', ['weapp'], {
      testEnvironment: '<rootDir>/test/weapp/environment.js',
      setupFiles: ['<rootDir>/test/support/follow-clock.ts'],
    }),
    nodeProject('e2e', ['e2e']),
  ],
}
