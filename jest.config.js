const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }]

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/support/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/support/taro-components.ts',
    // styles are the build's business; a component test reads the markup
    '\\.(s?css)$': '<rootDir>/test/support/style.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@contract$': '<rootDir>/types',
    '^@contract/(.*)$': '<rootDir>/types/$1'
  },
  // A few dependencies ship only ES modules, which jest's CommonJS runtime cannot require on Node 20.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie)/)'],
  testEnvironment: 'node',
  // once per project; the second and third find the template written
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts']
}

/**
 * unit: pure code; api: handlers through the local runtime in-process; e2e: Chromium on the H5 build;
 * durability: a runtime process killed with SIGKILL under load (minutes; part of `npm test`, alone with `npm run test:durability`);
 * weapp: the compiled mini-program's pages in miniprogram-simulate (`npm run test:weapp`, after `npm run build:weapp`).
 */
module.exports = {
  // the first store of a test file loads PGlite (a second or more on a busy 2-core machine)
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{src,types,cloudfunctions,runtime,scripts}/**/*.test.{ts,tsx}'], testPathIgnorePatterns: ['\\.api\\.test\\.ts$', '/node_modules/'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/{cloudfunctions,runtime}/**/*.api.test.ts'],
      // and then every query the file's tests sent is checked against the index list
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/test/support/index-check.ts']
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
    { ...common, displayName: 'durability', testMatch: ['<rootDir>/test/durability/**/*.test.ts'] },
    // the weapp build in miniprogram-simulate (after `npm run build:weapp`); its compiled JS runs as built, untransformed
    { ...common, displayName: 'weapp', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'], transformIgnorePatterns: [...common.transformIgnorePatterns, '<rootDir>/dist/'] }
  ]
}
