// miniprogram-simulate draws into a DOM (jsdom), and the tests talk to a real local cloud over
// HTTP: jsdom's window has no fetch, so lend it Node's.
const { TestEnvironment } = require('jest-environment-jsdom')

class WeappEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    Object.assign(this.global, { fetch, Request, Response, Headers })
  }
}

module.exports = WeappEnvironment
