import Taro from '@tarojs/taro'

/** On H5 the browser downloads the file; in WeChat it is downloaded and opened in the document viewer. */
export async function openExport(url: string, name: string) {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = url
    a.download = name
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
  if (statusCode !== 200) throw new Error(`download ${statusCode}`)
  // the viewer picks its reader by type: a bulletin's .docx, every other export's .xlsx
  await Taro.openDocument({ filePath: tempFilePath, fileType: name.endsWith('.docx') ? 'docx' : 'xlsx', showMenu: true })
}
