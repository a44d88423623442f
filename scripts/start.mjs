#!/usr/bin/env node
// `npm start`: how to sideload the add-in into Excel.
// `npm start -- --debug`: also runs `npx --yes office-addin-debugging start manifest.xml`
// (Microsoft's sideload-and-debug tool, fetched by npx on demand; deliberately not a dependency).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = path.join(root, 'manifest.xml');

console.log(`双随机抽查助手 — 在 Excel 中旁加载 / sideloading into Excel

1. 启动开发服务器 / start the dev server (https://localhost:3000):
     npm run dev-server
   首次使用建议安装受信任的本机证书 / trusted localhost certificates (once):
     npx office-addin-dev-certs install

2. 旁加载清单 / sideload ${manifest}

   Excel 网页版 / Excel on the web:
     插入 → 加载项 → 上传我的加载项 → 选择 manifest.xml
     (Insert → Add-ins → Upload My Add-in)

   Windows 版 Excel:
     把本目录设为共享文件夹，在 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录
     中添加其网络路径（\\\\计算机名\\共享名）并勾选“显示在菜单中”，重启 Excel 后：
     插入 → 我的加载项 → 共享文件夹 → 双随机抽查助手
     (shared-folder catalog: File → Options → Trust Center → Trusted Add-in Catalogs)

   Mac 版 Excel:
     mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
     cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
     重启 Excel 后：插入 → 我的加载项 → 双随机抽查助手

3. 在“开始”选项卡的“双随机抽查”组点击“抽查助手”打开任务窗格。
   (Home tab → 双随机抽查 group → 抽查助手)

WPS 表格不支持 Office 加载项：请用网页版（npm run build 生成 dist/standalone.html，
以及可单独拷贝、双击打开的 dist/shuangsuiji.html）或命令行 shuangsuiji。
部署到本单位的 https 服务器：npm run build -- --env base=https://服务器/路径/（见 README“Deployment”）。
自动旁加载并调试 / sideload and debug automatically: npm start -- --debug
`);

if (process.argv.includes('--debug')) {
  console.log('> npx --yes office-addin-debugging start manifest.xml\n');
  const child = spawn('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('exit', (code) => process.exit(code ?? 1));
  child.on('error', (error) => {
    console.error(`无法运行 npx / could not run npx: ${error.message}`);
    process.exit(1);
  });
}
