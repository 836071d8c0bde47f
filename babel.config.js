// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: 'css',
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`
      },
      'nutui-react-taro'
    ],
    // Each icon from its own module: through the package's index, every page's chunk carried every icon the app uses.
    ['import', { libraryName: '@nutui/icons-react-taro', libraryDirectory: 'dist/es/icons', camel2DashComponentName: false }, 'nutui-icons-react-taro']
  ]
}
