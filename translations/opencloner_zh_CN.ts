<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FileClassifier</name>
    <message>
        <source>%1 is a flash image of %2.</source>
        <translation>%1 是一个 %2 的闪存镜像。</translation>
    </message>
    <message>
        <source>%1 holds Ingenic vendor files (SPL and burner). OpenCloner can use it for real boards.</source>
        <translation>%1 中有君正厂商文件（SPL 和烧录程序），OpenCloner 可以用它烧录真实开发板。</translation>
    </message>
    <message>
        <source>%1 is a folder. Drop the firmware file itself, or a folder of the Ingenic USB Cloner.</source>
        <translation>%1 是一个文件夹。请拖入固件文件本身，或君正 USB Cloner 的文件夹。</translation>
    </message>
    <message>
        <source>%1 is a text file, not a flash image. Drop the firmware file (.bin or .img).</source>
        <translation>%1 是文本文件，不是闪存镜像。请拖入固件文件（.bin 或 .img）。</translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to write.</source>
        <translation>%1 是空文件：没有可写入的内容。</translation>
    </message>
    <message>
        <source>%1 cannot be read: check that it is a regular file and that you may open it.</source>
        <translation>无法读取 %1：请确认它是普通文件，并且你有权限打开它。</translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation>%1 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer. Download it first, then drop the downloaded file.</source>
        <translation>%1 不是本机上的文件。请先下载，再拖入下载好的文件。</translation>
    </message>
    <message numerus="yes">
        <source>You dropped %n files. Drop one firmware file at a time.</source>
        <translation>
            <numerusform>你拖入了 %n 个文件。请一次只拖入一个固件文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>That is not a file. Drop a firmware file from your file manager.</source>
        <translation>这不是文件。请从文件管理器中拖入固件文件。</translation>
    </message>
    <message>
        <source>%1 is a %2-compressed image: OpenCloner unpacks it while writing.</source>
        <translation>%1 是 %2 压缩的镜像：OpenCloner 会在写入时边解压边写。</translation>
    </message>
    <message>
        <source>%1 is an OpenCloner package: its steps are the job.</source>
        <translation>%1 是 OpenCloner 固件包：按包内的步骤执行任务。</translation>
    </message>
    <message>
        <source>%1 is an Ingenic USB Cloner installation: OpenCloner can import its board profiles and use its SPL and burner.</source>
        <translation>%1 是君正 USB Cloner 安装目录：OpenCloner 可以导入其中的板级配置，并使用其中的 SPL 和烧录程序。</translation>
    </message>
    <message>
        <source>%1 looks like an Ingenic USB Cloner bundle: OpenCloner can import its board profiles.</source>
        <translation>%1 看起来是君正 USB Cloner 打包文件：OpenCloner 可以导入其中的板级配置。</translation>
    </message>
    <message>
        <source>%1 is an archive. OpenCloner does not take images out of archives: extract the flash image and drop that file, or drop an OpenCloner package (.zip).</source>
        <translation>%1 是压缩包。OpenCloner 不会从压缩包中取出镜像：请先解压出闪存镜像再拖入该文件，或拖入 OpenCloner 固件包（.zip）。</translation>
    </message>
</context>
<context>
    <name>HelpTexts</name>
    <message>
        <source>OpenCloner user guide</source>
        <translation>OpenCloner 使用指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>About OpenCloner</source>
        <translation>关于 OpenCloner</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OpenCloner %1&lt;/h3&gt;&lt;p&gt;A free, native replacement for the Ingenic USB Cloner: boots Ingenic SoCs over their USB boot ROM and writes, reads, erases and verifies their flash, on many boards at once.&lt;/p&gt;&lt;p&gt;OpenCloner ships no Ingenic binaries: real boards use the SPL and burner of your own Ingenic USB Cloner installation.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OpenCloner %1&lt;/h3&gt;&lt;p&gt;君正 USB Cloner 的自由、原生替代品：通过 USB 启动 ROM 引导君正芯片，写入、读取、擦除并校验闪存，可同时处理多块开发板。&lt;/p&gt;&lt;p&gt;OpenCloner 不附带任何君正二进制文件：真实开发板使用你自己安装的君正 USB Cloner 中的 SPL 和烧录程序。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProfileStepTexts</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 写到 %2</translation>
    </message>
    <message>
        <source>read %1 at %2 into %3</source>
        <translation>从 %2 读取 %1 到 %3</translation>
    </message>
    <message>
        <source>to the end</source>
        <translation>到末尾</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Identifying the chip</source>
        <translation>正在识别芯片</translation>
    </message>
    <message>
        <source>Loading SPL</source>
        <translation>正在加载 SPL</translation>
    </message>
    <message>
        <source>Starting the memory</source>
        <translation>正在初始化内存</translation>
    </message>
    <message>
        <source>Loading the burner</source>
        <translation>正在加载烧录程序</translation>
    </message>
    <message>
        <source>Starting the burner</source>
        <translation>正在启动烧录程序</translation>
    </message>
    <message>
        <source>Detecting the flash</source>
        <translation>正在检测闪存</translation>
    </message>
    <message>
        <source>Erasing</source>
        <translation>正在擦除</translation>
    </message>
    <message>
        <source>Preparing the flash</source>
        <translation>正在准备闪存</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>Restarting the board</source>
        <translation>正在重启开发板</translation>
    </message>
    <message>
        <source>Boot only</source>
        <translation>仅引导</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>烧录</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>No error</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>The job settings are not valid</source>
        <translation>任务设置无效</translation>
    </message>
    <message>
        <source>A file could not be used</source>
        <translation>无法使用某个文件</translation>
    </message>
    <message>
        <source>The board profile is not valid</source>
        <translation>板级配置无效</translation>
    </message>
    <message>
        <source>The board is not on the USB bus</source>
        <translation>USB 上找不到这块开发板</translation>
    </message>
    <message>
        <source>OpenCloner is not allowed to use the board</source>
        <translation>OpenCloner 没有权限访问这块开发板</translation>
    </message>
    <message>
        <source>The board left the USB bus</source>
        <translation>开发板已从 USB 断开</translation>
    </message>
    <message>
        <source>The board stopped answering</source>
        <translation>开发板停止响应</translation>
    </message>
    <message>
        <source>The board refused a request</source>
        <translation>开发板拒绝了请求</translation>
    </message>
    <message>
        <source>A USB transfer failed</source>
        <translation>USB 传输失败</translation>
    </message>
    <message>
        <source>The board does not match the chosen profile</source>
        <translation>开发板与所选配置不符</translation>
    </message>
    <message>
        <source>The flash chip is not known</source>
        <translation>无法识别闪存芯片</translation>
    </message>
    <message>
        <source>The board reported an error</source>
        <translation>开发板报告了错误</translation>
    </message>
    <message>
        <source>The flash does not hold the image</source>
        <translation>闪存内容与镜像不一致</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>OpenCloner hit a bug</source>
        <translation>OpenCloner 遇到了程序错误</translation>
    </message>
    <message>
        <source>Check the offset, the length and the files of the operation.</source>
        <translation>请检查操作的偏移、长度和文件。</translation>
    </message>
    <message>
        <source>Choose another file, or check the vendor files folder in Settings. The board was not written.</source>
        <translation>请换一个文件，或在“设置”中检查厂商文件夹。开发板没有被写入。</translation>
    </message>
    <message>
        <source>Pick another board profile, or fix the profile file named in the details.</source>
        <translation>请换一个板级配置，或修正详细信息中指出的配置文件。</translation>
    </message>
    <message>
        <source>Put the board in USB boot mode (hold the boot button while powering it) and use a cable that carries data. Help &gt; No board detected walks you through it.</source>
        <translation>请让开发板进入 USB 启动模式（上电时按住 BOOT 键），并使用能传输数据的线缆。“帮助 &gt; 检测不到开发板”会一步步引导你。</translation>
    </message>
    <message>
        <source>Install the WinUSB driver for the board (see the user guide), then plug the board in again. Close the Ingenic USB Cloner if it is running.</source>
        <translation>请为开发板安装 WinUSB 驱动（见使用指南），然后重新插入开发板。如果君正 USB Cloner 正在运行，请关闭它。</translation>
    </message>
    <message>
        <source>Close every other program that uses the board (such as the Ingenic USB Cloner), then plug the board in again.</source>
        <translation>请关闭其他正在使用开发板的程序（例如君正 USB Cloner），然后重新插入开发板。</translation>
    </message>
    <message>
        <source>Install the OpenCloner udev rule (Help &gt; USB permissions shows how), then unplug and plug the board in again. Close the Ingenic USB Cloner if it is running.</source>
        <translation>请安装 OpenCloner 的 udev 规则（“帮助 &gt; USB 权限”中有说明），然后拔下并重新插入开发板。如果君正 USB Cloner 正在运行，请关闭它。</translation>
    </message>
    <message>
        <source>Check the cable and the power supply, put the board back in USB boot mode and start again.</source>
        <translation>请检查线缆和电源，让开发板重新进入 USB 启动模式，然后重新开始。</translation>
    </message>
    <message>
        <source>Power the board off and on in USB boot mode and start again. If it happens again, try another cable or a USB port on the computer itself (not a hub).</source>
        <translation>请在 USB 启动模式下给开发板断电再上电，然后重新开始。如果再次出现，请换一根线缆，或换用电脑本机的 USB 口（不要用集线器）。</translation>
    </message>
    <message>
        <source>Power the board off and on in USB boot mode and start again, and check that the chosen board profile matches the board.</source>
        <translation>请在 USB 启动模式下给开发板断电再上电，然后重新开始，并确认所选板级配置与开发板相符。</translation>
    </message>
    <message>
        <source>Choose the board profile that matches the chip on this board, or power the board off and on in USB boot mode.</source>
        <translation>请选择与这块开发板芯片相符的板级配置，或在 USB 启动模式下给开发板断电再上电。</translation>
    </message>
    <message>
        <source>Check that the flash chip is fitted. If it is a part OpenCloner does not know yet, add it to the flash database (see the user guide).</source>
        <translation>请确认闪存芯片已焊接。如果是 OpenCloner 尚不认识的型号，请把它加入闪存数据库（见使用指南）。</translation>
    </message>
    <message>
        <source>Power the board off and on and start again. If it happens again, choose &quot;Erase the range before writing&quot;.</source>
        <translation>请给开发板断电再上电，然后重新开始。如果再次出现，请选择“写入前擦除该范围”。</translation>
    </message>
    <message>
        <source>Flash the image again. If it happens again, the flash may be write-protected or worn out.</source>
        <translation>请重新烧录镜像。如果再次出现，闪存可能被写保护或已经损坏。</translation>
    </message>
    <message>
        <source>Start again to finish the job.</source>
        <translation>重新开始即可完成任务。</translation>
    </message>
    <message>
        <source>Save the log (File &gt; Save log) and report the problem to the OpenCloner project.</source>
        <translation>请保存日志（“文件 &gt; 保存日志”），并向 OpenCloner 项目报告此问题。</translation>
    </message>
    <message>
        <source>The board was not changed.</source>
        <translation>开发板没有被改动。</translation>
    </message>
    <message>
        <source>The board is still in its boot ROM and its flash was not touched. Power it off and on in USB boot mode before the next start.</source>
        <translation>开发板仍停留在启动 ROM，闪存没有被改动。下次开始前，请在 USB 启动模式下给它断电再上电。</translation>
    </message>
    <message>
        <source>The burner is still running on the board. Power the board off and on in USB boot mode before the next job.</source>
        <translation>开发板上的烧录程序仍在运行。下一个任务前，请在 USB 启动模式下给开发板断电再上电。</translation>
    </message>
    <message>
        <source>The board restarted and left the USB bus.</source>
        <translation>开发板已重启并从 USB 断开。</translation>
    </message>
    <message>
        <source>The board left the USB bus.</source>
        <translation>开发板已从 USB 断开。</translation>
    </message>
    <message>
        <source>The board no longer answers: power it off and on.</source>
        <translation>开发板不再响应：请断电再上电。</translation>
    </message>
    <message>
        <source>Flash: unchanged.</source>
        <translation>闪存：未改动。</translation>
    </message>
    <message>
        <source>Flash: partly written (%1 of %2 from %3); the rest of the range may be erased.</source>
        <translation>闪存：只写入了一部分（从 %3 起写了 %2 中的 %1），范围内其余部分可能已被擦除。</translation>
    </message>
    <message>
        <source>Flash: image written at %1 (%2).</source>
        <translation>闪存：镜像已写入 %1（%2）。</translation>
    </message>
    <message>
        <source>Flash: %1 erased at %2.</source>
        <translation>闪存：已从 %2 起擦除 %1。</translation>
    </message>
    <message>
        <source>Flash: %1.</source>
        <translation>闪存：%1。</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Burner running (%1)</source>
        <translation>烧录程序已运行（%1）</translation>
    </message>
    <message>
        <source>Flashed in %1</source>
        <translation>烧录完成，用时 %1</translation>
    </message>
    <message>
        <source>Read %1 in %2</source>
        <translation>已读取 %1，用时 %2</translation>
    </message>
    <message>
        <source>Erased in %1</source>
        <translation>擦除完成，用时 %1</translation>
    </message>
    <message>
        <source>Verified: identical (%1)</source>
        <translation>校验通过：内容一致（%1）</translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation>已停止。%1</translation>
    </message>
    <message>
        <source>It happened while: %1.</source>
        <translation>出错时正在：%1。</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>怎么办：%1</translation>
    </message>
    <message>
        <source>Flash chip: %1 (JEDEC %2)</source>
        <translation>闪存芯片：%1（JEDEC %2）</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <source>Flashed and verified in %1</source>
        <translation>烧录并校验完成，用时 %1</translation>
    </message>
</context>
<context>
    <name>oc::ui::BoardPicker</name>
    <message>
        <source>C&amp;hip:</source>
        <translation>芯片(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Board:</source>
        <translation>开发板(&amp;B)：</translation>
    </message>
    <message>
        <source>Search boards (name, chip, description)</source>
        <translation>搜索开发板（名称、芯片、说明）</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>The SoC on the board. Boards in USB boot mode are identified automatically when their boot ROM tells which chip they are.</source>
        <translation>开发板上的芯片。处于 USB 启动模式的开发板，只要其启动 ROM 报出芯片型号，就会被自动识别。</translation>
    </message>
    <message>
        <source>Board profile</source>
        <translation>板级配置</translation>
    </message>
    <message>
        <source>The board profile: storage, memory and boot settings of your board.</source>
        <translation>板级配置：开发板的存储、内存和启动设置。</translation>
    </message>
    <message>
        <source>Search board profiles</source>
        <translation>搜索板级配置</translation>
    </message>
    <message>
        <source>All chips</source>
        <translation>全部芯片</translation>
    </message>
    <message>
        <source>The %1 answered &quot;%2&quot;, which no known chip does. Pick its profile yourself.</source>
        <translation>%1的应答是“%2”，没有已知芯片这样应答。请自己选择它的配置。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>The %1 answers like a %2, which cannot be told apart over USB. The chosen profile (%3) is one of them: check the marking on the chip.</source>
        <translation>%1的应答像 %2，这几种芯片无法通过 USB 区分。所选配置（%3）属于其中之一：请核对芯片上的丝印。</translation>
    </message>
    <message>
        <source>The %1 answers like a %2, which cannot be told apart over USB. Pick the profile for the chip on the board.</source>
        <translation>%1的应答像 %2，这几种芯片无法通过 USB 区分。请按开发板上的芯片选择配置。</translation>
    </message>
    <message>
        <source>The %1 is a %2: profile %3 fits.</source>
        <translation>%1是 %2：配置 %3 适用。</translation>
    </message>
    <message>
        <source>The %1 is a %2, but there is no board profile for that chip. Add one in Settings &gt; Profile folders.</source>
        <translation>%1是 %2，但没有该芯片的板级配置。请在“设置 &gt; 配置文件夹”中添加。</translation>
    </message>
    <message>
        <source>The %1 is a %2: switched to profile %3.</source>
        <translation>%1是 %2：已切换到配置 %3。</translation>
    </message>
</context>
<context>
    <name>oc::ui::DeviceListModel</name>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Identifying...</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <source>%1 (cannot tell apart)</source>
        <translation>%1（无法区分）</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>%1 (burner running)</source>
        <translation>%1（烧录程序运行中）</translation>
    </message>
    <message>
        <source>SPL running</source>
        <translation>SPL 运行中</translation>
    </message>
    <message>
        <source>Unknown (&quot;%1&quot;)</source>
        <translation>未知（“%1”）</translation>
    </message>
    <message>
        <source>Preparing...</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Done, board restarted</source>
        <translation>完成，开发板已重启</translation>
    </message>
    <message>
        <source>Unplugged</source>
        <translation>已拔出</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Power-cycle needed</source>
        <translation>需要断电重启</translation>
    </message>
    <message>
        <source>Busy or not responding</source>
        <translation>忙或无响应</translation>
    </message>
    <message>
        <source>Not an Ingenic boot ROM</source>
        <translation>不是君正启动 ROM</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>Done 100%</source>
        <translation>完成 100%</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation>%1：%2%</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在开始</translation>
    </message>
    <message>
        <source>%1 (virtual)</source>
        <translation>%1（虚拟）</translation>
    </message>
    <message>
        <source>Earlier: %1</source>
        <translation>上一块：%1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>%1 board on USB port %2, USB id %3:%4</source>
        <translation>%1开发板，USB 端口 %2，USB ID %3:%4</translation>
    </message>
    <message>
        <source>Virtual</source>
        <translation>虚拟</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>The board answers &quot;%1&quot;</source>
        <translation>开发板应答“%1”</translation>
    </message>
    <message>
        <source>Done, unplug</source>
        <translation>完成，请拔下</translation>
    </message>
    <message>
        <source>Stopped, unplug</source>
        <translation>已停止，请拔下</translation>
    </message>
    <message>
        <source>Failed, unplug</source>
        <translation>失败，请拔下</translation>
    </message>
    <message>
        <source>Done, restarting...</source>
        <translation>完成，正在重启…</translation>
    </message>
    <message>
        <source>Lane %1 · %2</source>
        <translation>通道 %1 · %2</translation>
    </message>
</context>
<context>
    <name>oc::ui::DeviceTable</name>
    <message>
        <source>No board detected</source>
        <translation>未检测到开发板</translation>
    </message>
    <message>
        <source>Put a board in USB boot mode (hold its boot button while you plug it in or power it on). It appears here by itself, with its chip and port.</source>
        <translation>请让开发板进入 USB 启动模式（插入或上电时按住 BOOT 键）。它会自动出现在这里，并显示芯片和端口。</translation>
    </message>
    <message>
        <source>What to &amp;check...</source>
        <translation>检查清单(&amp;C)…</translation>
    </message>
    <message>
        <source>Open the checklist for a board that is not detected</source>
        <translation>打开检测不到开发板时的检查清单</translation>
    </message>
    <message>
        <source>Try a &amp;virtual board</source>
        <translation>试用虚拟开发板(&amp;V)</translation>
    </message>
    <message>
        <source>Add a virtual board to try OpenCloner without hardware</source>
        <translation>添加虚拟开发板，无需硬件即可试用 OpenCloner</translation>
    </message>
    <message>
        <source>Boards</source>
        <translation>开发板</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop the job on port %1</source>
        <translation>停止端口 %1 上的任务</translation>
    </message>
    <message>
        <source>Start on the board on port %1</source>
        <translation>在端口 %1 的开发板上开始</translation>
    </message>
</context>
<context>
    <name>oc::ui::FirmwarePanel</name>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Browse for a firmware file</source>
        <translation>浏览选择固件文件</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>最近(&amp;R)</translation>
    </message>
    <message>
        <source>Recent firmware files</source>
        <translation>最近使用的固件文件</translation>
    </message>
    <message>
        <source>Checking the firmware file</source>
        <translation>正在检查固件文件</translation>
    </message>
    <message>
        <source>Choose a firmware file</source>
        <translation>选择固件文件</translation>
    </message>
    <message>
        <source>Firmware images (*.bin *.img *.gz *.xz *.zst *.bz2);;All files (*)</source>
        <translation>固件镜像 (*.bin *.img *.gz *.xz *.zst *.bz2);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>No firmware chosen</source>
        <translation>尚未选择固件</translation>
    </message>
    <message>
        <source>%1 compressed, %2 unpacked</source>
        <translation>压缩 %1，解压后 %2</translation>
    </message>
    <message>
        <source> · SHA-256 %1</source>
        <translation> · SHA-256 %1</translation>
    </message>
    <message>
        <source> · unpacked SHA-256 %1</source>
        <translation> · 解压后 SHA-256 %1</translation>
    </message>
    <message>
        <source>%1 does not use a firmware file.</source>
        <translation>“%1”不需要固件文件。</translation>
    </message>
    <message>
        <source>Fits %1: %2 of %3 from offset %4.</source>
        <translation>适合 %1：从偏移 %4 起占用 %3 中的 %2。</translation>
    </message>
    <message>
        <source>Does not fit %1: the image needs %2 from offset %3, the flash holds %4.</source>
        <translation>放不进 %1：镜像从偏移 %3 起需要 %2，而闪存只有 %4。</translation>
    </message>
    <message>
        <source>%1 reads its flash size from the flash chip when the job starts; the image needs %2 from offset %3.</source>
        <translation>%1 会在任务开始时从闪存芯片读出容量；镜像从偏移 %3 起需要 %2。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近使用的文件</translation>
    </message>
    <message>
        <source>2  Firmware</source>
        <translation>2  固件</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the chosen firmware file</source>
        <translation>不再使用所选固件文件</translation>
    </message>
    <message>
        <source>Forget the chosen file (a profile that brings its own files then uses them)</source>
        <translation>不再使用所选文件（自带文件的配置将改用自己的文件）</translation>
    </message>
    <message>
        <source>No firmware chosen: profile %1 brings its own files</source>
        <translation>尚未选择固件：配置 %1 自带文件</translation>
    </message>
    <message>
        <source>No file yet for: %1.</source>
        <translation>以下步骤还没有文件：%1。</translation>
    </message>
    <message>
        <source>Made for %1: the package decides offsets and erase mode.</source>
        <translation>适用于 %1：偏移和擦除方式由固件包决定。</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1，版本 %2</translation>
    </message>
    <message>
        <source>OpenCloner package: %1</source>
        <translation>OpenCloner 固件包：%1</translation>
    </message>
    <message>
        <source>For any board.</source>
        <translation>适用于任何开发板。</translation>
    </message>
    <message>
        <source>For: %1.</source>
        <translation>适用于：%1。</translation>
    </message>
    <message>
        <source>write %1 (%2) at %3</source>
        <translation>把 %1（%2）写到 %3</translation>
    </message>
    <message>
        <source>read %1 into %2</source>
        <translation>读取 %1 到 %2</translation>
    </message>
    <message>
        <source>erase %1</source>
        <translation>擦除 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s): %1</source>
        <translation>
            <numerusform>%n 个步骤：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Every file was checked against its SHA-256; %1 goes to the flash.</source>
        <translation>所有文件都已按 SHA-256 校验；共写入闪存 %1。</translation>
    </message>
    <message>
        <source>This package is for %1, not for %2: choose one of its boards.</source>
        <translation>此固件包适用于 %1，而不是 %2：请选择其中的开发板。</translation>
    </message>
    <message>
        <source>This package is for %1 chips, not for %2 (profile %3).</source>
        <translation>此固件包适用于 %1 芯片，而不是 %2（配置 %3）。</translation>
    </message>
    <message>
        <source>Drop a firmware file (.bin, .img, .gz, .xz, .zst) or an OpenCloner package (.zip) anywhere on this window, or</source>
        <translation>把固件文件（.bin、.img、.gz、.xz、.zst）或 OpenCloner 固件包（.zip）拖到窗口任意位置，或</translation>
    </message>
</context>
<context>
    <name>oc::ui::ImportFlow</name>
    <message>
        <source>Ingenic USB Cloner</source>
        <translation>君正 USB Cloner</translation>
    </message>
    <message>
        <source>%1 is an Ingenic USB Cloner installation. Import its board profiles, so they appear in the board list, and use its SPL and burner for real boards?</source>
        <translation>%1 是君正 USB Cloner 安装目录。要导入其中的板级配置（导入后会出现在开发板列表中），并用其中的 SPL 和烧录程序烧录真实开发板吗？</translation>
    </message>
    <message>
        <source>%1 holds Ingenic vendor files (SPL and burner). Use this folder for real boards?</source>
        <translation>%1 中有君正厂商文件（SPL 和烧录程序）。要用这个文件夹烧录真实开发板吗？</translation>
    </message>
    <message>
        <source>&amp;Import and use it</source>
        <translation>导入并使用(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Only use its vendor files</source>
        <translation>只使用其厂商文件(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Use this folder</source>
        <translation>使用此文件夹(&amp;U)</translation>
    </message>
    <message>
        <source>Vendor files folder: %1</source>
        <translation>厂商文件夹：%1</translation>
    </message>
    <message>
        <source>%1 looks like an Ingenic USB Cloner bundle. Import its board profiles? Its SPL and burner are kept with them in OpenCloner&apos;s data folder.</source>
        <translation>%1 看起来是君正 USB Cloner 打包文件。要导入其中的板级配置吗？其中的 SPL 和烧录程序会和配置一起保存在 OpenCloner 的数据文件夹中。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Importing the board profiles of %1...</source>
        <translation>正在导入 %1 的板级配置…</translation>
    </message>
    <message>
        <source>The import of %1 failed: %2</source>
        <translation>导入 %1 失败：%2</translation>
    </message>
    <message>
        <source>Not imported: %1 (%2)</source>
        <translation>未导入：%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n board profile(s): %1</source>
        <translation>
            <numerusform>已导入 %n 个板级配置：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oc::ui::LanguageManager</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>oc::ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>开发板</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>OpenCloner</source>
        <translation>OpenCloner</translation>
    </message>
</context>
<context>
    <name>oc::ui::LogPane</name>
    <message>
        <source>Le&amp;vel:</source>
        <translation>级别(&amp;V)：</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Everything (debug)</source>
        <translation>全部（调试）</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>日志级别</translation>
    </message>
    <message>
        <source>B&amp;oard:</source>
        <translation>开发板(&amp;O)：</translation>
    </message>
    <message>
        <source>All boards</source>
        <translation>全部开发板</translation>
    </message>
    <message>
        <source>Show the log of</source>
        <translation>显示以下开发板的日志</translation>
    </message>
    <message>
        <source>&amp;Save log...</source>
        <translation>保存日志(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the log shown to a file</source>
        <translation>把显示的日志保存到文件</translation>
    </message>
    <message>
        <source>Session logs</source>
        <translation>会话日志</translation>
    </message>
    <message>
        <source>Every session&apos;s log is kept in %1</source>
        <translation>每次会话的日志都保存在 %1</translation>
    </message>
    <message>
        <source>Open the folder of the session logs</source>
        <translation>打开会话日志所在文件夹</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the log pane (the session log on disk is kept)</source>
        <translation>清空日志面板（磁盘上的会话日志会保留）</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>文本文件 (*.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation>无法把日志保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>oc::ui::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Boards</source>
        <translation>开发板(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Virtual boards</source>
        <translation>虚拟开发板(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Open firmware...</source>
        <translation>打开固件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save log...</source>
        <translation>保存日志(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;ettings...</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Start selected boards</source>
        <translation>开始所选开发板(&amp;S)</translation>
    </message>
    <message>
        <source>Start &amp;all ready boards</source>
        <translation>开始全部就绪开发板(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;top selected boards</source>
        <translation>停止所选开发板(&amp;T)</translation>
    </message>
    <message>
        <source>Stop a&amp;ll</source>
        <translation>全部停止(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Identify selected boards again</source>
        <translation>重新识别所选开发板(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Remove unplugged boards from the list</source>
        <translation>从列表中移除已拔出的开发板(&amp;R)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;No board detected...</source>
        <translation>检测不到开发板(&amp;N)…</translation>
    </message>
    <message>
        <source>USB &amp;permissions...</source>
        <translation>USB 权限(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Add virtual boards...</source>
        <translation>添加虚拟开发板(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Unplug the selected virtual boards</source>
        <translation>拔出所选虚拟开发板(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Plug them back in</source>
        <translation>重新插入(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Remove all virtual boards</source>
        <translation>移除全部虚拟开发板(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About OpenCloner</source>
        <translation>关于 OpenCloner(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Production</source>
        <translation>量产(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Production mode</source>
        <translation>量产模式(&amp;P)</translation>
    </message>
    <message>
        <source>Production &amp;settings...</source>
        <translation>量产设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Open the &amp;records folder</source>
        <translation>打开记录文件夹(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lock for operators...</source>
        <translation>为操作员锁定(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Unlock...</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve station plan...</source>
        <translation>保存工作站方案(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>oc::ui::MainWindow</name>
    <message>
        <source>OpenCloner %1 started; this session&apos;s log is kept in %2</source>
        <translation>OpenCloner %1 已启动；本次会话的日志保存在 %2</translation>
    </message>
    <message>
        <source>OpenCloner</source>
        <translation>OpenCloner</translation>
    </message>
    <message>
        <source>1  Board</source>
        <translation>1  开发板</translation>
    </message>
    <message>
        <source>3  Operation</source>
        <translation>3  操作</translation>
    </message>
    <message>
        <source>Boards</source>
        <translation>开发板</translation>
    </message>
    <message>
        <source>&amp;Start all ready boards</source>
        <translation>开始全部就绪开发板(&amp;S)</translation>
    </message>
    <message>
        <source>Starts the operation on every board that is plugged in and not busy</source>
        <translation>在每块已插入且空闲的开发板上开始操作</translation>
    </message>
    <message>
        <source>S&amp;top all</source>
        <translation>全部停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stops every running job after its current transfer; each row then says where the board was left</source>
        <translation>在当前传输结束后停止所有正在运行的任务；每一行会说明开发板停在什么状态</translation>
    </message>
    <message>
        <source>Some board profiles could not be loaded, only the built-in ones are used: %1</source>
        <translation>部分板级配置无法加载，只使用内置配置：%1</translation>
    </message>
    <message>
        <source>Some board profiles could not be loaded: see the log.</source>
        <translation>部分板级配置无法加载：请查看日志。</translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) plugged in</source>
        <translation>
            <numerusform>已插入 %n 块开发板</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working</source>
        <translation>
            <numerusform>%n 块工作中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n 块就绪</numerusform>
        </translation>
    </message>
    <message>
        <source>USB unavailable: %1</source>
        <translation>USB 不可用：%1</translation>
    </message>
    <message>
        <source>USB: watching</source>
        <translation>USB：监视中</translation>
    </message>
    <message>
        <source>USB: checking every second</source>
        <translation>USB：每秒检查一次</translation>
    </message>
    <message>
        <source>USB: virtual boards only</source>
        <translation>USB：仅虚拟开发板</translation>
    </message>
    <message>
        <source>Vendor files: not set (virtual boards only)</source>
        <translation>厂商文件：未设置（仅可用虚拟开发板）</translation>
    </message>
    <message>
        <source>Vendor files: %1</source>
        <translation>厂商文件：%1</translation>
    </message>
    <message>
        <source>The folder of your Ingenic USB Cloner installation, with the SPL and burner of each chip. Change it in File &gt; Settings.</source>
        <translation>你的君正 USB Cloner 安装文件夹，其中有各芯片的 SPL 和烧录程序。可在“文件 &gt; 设置”中更改。</translation>
    </message>
    <message>
        <source>No permission to open the %1: see Help &gt; USB permissions.</source>
        <translation>没有权限打开%1：请见“帮助 &gt; USB 权限”。</translation>
    </message>
    <message>
        <source>Boards are still working</source>
        <translation>开发板仍在工作</translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) are still working. Stop them and quit? Each is stopped after its current transfer.</source>
        <translation>
            <numerusform>还有 %n 块开发板在工作。要停止它们并退出吗？每块板都会在当前传输结束后停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and &amp;quit</source>
        <translation>停止并退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>继续工作(&amp;K)</translation>
    </message>
    <message>
        <source>Stopping the boards...</source>
        <translation>正在停止开发板…</translation>
    </message>
</context>
<context>
    <name>oc::ui::NoBoardDialog</name>
    <message>
        <source>No board detected?</source>
        <translation>检测不到开发板？</translation>
    </message>
    <message>
        <source>Waiting for a board in USB boot mode...</source>
        <translation>正在等待处于 USB 启动模式的开发板…</translation>
    </message>
    <message>
        <source>Check, one after the other</source>
        <translation>请逐项检查</translation>
    </message>
    <message>
        <source>The cable carries data. Many phone-charging cables only carry power: try the cable that came with the board, or one that works with a phone&apos;s file transfer.</source>
        <translation>线缆能传输数据。很多手机充电线只能供电：请用开发板自带的线缆，或能给手机传文件的线缆。</translation>
    </message>
    <message>
        <source>The board is in USB boot mode: hold its boot button (often marked BOOT) while you plug the cable in or switch the board on, and release it after two seconds.</source>
        <translation>开发板处于 USB 启动模式：插入线缆或上电时按住启动键（通常标有 BOOT），两秒后松开。</translation>
    </message>
    <message>
        <source>The cable is in a USB port of the computer itself, not in a hub, a keyboard or a monitor.</source>
        <translation>线缆插在电脑本机的 USB 口上，而不是集线器、键盘或显示器上。</translation>
    </message>
    <message>
        <source>The board appears in the list on the right as an Ingenic device with the USB id %1.</source>
        <translation>开发板以 USB ID 为 %1 的君正设备出现在右侧列表中。</translation>
    </message>
    <message>
        <source>It appears but cannot be opened: USB permissions...</source>
        <translation>出现了但无法打开：USB 权限…</translation>
    </message>
    <message>
        <source>No board at hand: try a virtual board</source>
        <translation>手边没有开发板：试用虚拟开发板</translation>
    </message>
    <message>
        <source>USB events, live</source>
        <translation>实时 USB 事件</translation>
    </message>
    <message>
        <source>USB events</source>
        <translation>USB 事件</translation>
    </message>
    <message>
        <source>Only Ingenic boards are listed on this system.</source>
        <translation>在此系统上只列出君正开发板。</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1已断开</translation>
    </message>
    <message>
        <source>Present: %1:%2 %3</source>
        <translation>已存在：%1:%2 %3</translation>
    </message>
    <message>
        <source>%1 (for a %2)</source>
        <translation>%1（%2 芯片）</translation>
    </message>
    <message>
        <source>Ingenic device %1 arrived on port %2</source>
        <translation>君正设备 %1 已接入端口 %2</translation>
    </message>
    <message>
        <source>Ingenic device %1 arrived on port %2, but you may not open it: see USB permissions</source>
        <translation>君正设备 %1 已接入端口 %2，但你没有权限打开它：请见“USB 权限”</translation>
    </message>
    <message>
        <source>Another USB device arrived: %1 %2 %3 (not a board in USB boot mode)</source>
        <translation>接入了其他 USB 设备：%1 %2 %3（不是处于 USB 启动模式的开发板）</translation>
    </message>
    <message>
        <source>USB device %1:%2 left</source>
        <translation>USB 设备 %1:%2 已断开</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>已找到：%1</translation>
    </message>
    <message>
        <source>Found: %1. It is in the list of boards; you can close this window.</source>
        <translation>已找到：%1。它已出现在开发板列表中，你可以关闭此窗口。</translation>
    </message>
    <message>
        <source>Present: %1</source>
        <translation>已存在：%1</translation>
    </message>
</context>
<context>
    <name>oc::ui::OperationPanel</name>
    <message>
        <source>&amp;Operation:</source>
        <translation>操作(&amp;O)：</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>&amp;Verify after writing</source>
        <translation>写入后校验(&amp;V)</translation>
    </message>
    <message>
        <source>Reads the flash back and compares it with the image. Recommended.</source>
        <translation>读回闪存并与镜像比较。建议开启。</translation>
    </message>
    <message>
        <source>&amp;Whole flash</source>
        <translation>整个闪存(&amp;W)</translation>
    </message>
    <message>
        <source>O&amp;ffset:</source>
        <translation>偏移(&amp;F)：</translation>
    </message>
    <message>
        <source>Offset in the flash</source>
        <translation>闪存中的偏移</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>长度(&amp;L)：</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>&amp;Erase:</source>
        <translation>擦除(&amp;E)：</translation>
    </message>
    <message>
        <source>Erase mode</source>
        <translation>擦除方式</translation>
    </message>
    <message>
        <source>Only the blocks being written</source>
        <translation>只擦除要写入的块</translation>
    </message>
    <message>
        <source>The range before writing</source>
        <translation>写入前擦除该范围</translation>
    </message>
    <message>
        <source>The whole chip first</source>
        <translation>先擦除整个芯片</translation>
    </message>
    <message>
        <source>Nothing (already erased)</source>
        <translation>不擦除（已擦除过）</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <source>File to save the flash contents to</source>
        <translation>保存闪存内容的文件</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the file to save the flash contents to</source>
        <translation>选择保存闪存内容的文件</translation>
    </message>
    <message>
        <source>Restart the board &amp;when done</source>
        <translation>完成后重启开发板(&amp;W)</translation>
    </message>
    <message>
        <source>Save the flash contents to</source>
        <translation>把闪存内容保存到</translation>
    </message>
    <message>
        <source>Flash images (*.bin *.img);;All files (*)</source>
        <translation>闪存镜像 (*.bin *.img);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Writes the firmware file to the flash of each board you start.</source>
        <translation>把固件文件写入你开始的每块开发板的闪存。</translation>
    </message>
    <message>
        <source>Copies the flash into the file. With several boards, each gets its own file named after its port.</source>
        <translation>把闪存内容复制到文件中。多块开发板时，每块板各有一个以端口命名的文件。</translation>
    </message>
    <message>
        <source>Erases the flash: what was there is lost.</source>
        <translation>擦除闪存：原有内容将会丢失。</translation>
    </message>
    <message>
        <source>Compares the flash with the firmware file, byte for byte. Nothing is written.</source>
        <translation>逐字节比较闪存与固件文件，不写入任何内容。</translation>
    </message>
    <message>
        <source>Loads the SPL and the burner and leaves the burner running, for other tools.</source>
        <translation>加载 SPL 和烧录程序，并让烧录程序保持运行，供其他工具使用。</translation>
    </message>
    <message>
        <source>The offset &quot;%1&quot; is not a number of bytes.</source>
        <translation>偏移“%1”不是有效的字节数。</translation>
    </message>
    <message>
        <source>The length &quot;%1&quot; is not a number of bytes above zero.</source>
        <translation>长度“%1”不是大于零的字节数。</translation>
    </message>
    <message>
        <source>Choose a firmware file first: drop it on the window or use Browse.</source>
        <translation>请先选择固件文件：把它拖到窗口上，或点击“浏览”。</translation>
    </message>
    <message>
        <source>Choose the file to save the flash contents to.</source>
        <translation>请选择保存闪存内容的文件。</translation>
    </message>
    <message>
        <source>Runs the package&apos;s steps on each board you start; the package sets the offsets and the erase mode.</source>
        <translation>在你开始的每块开发板上执行固件包的步骤；偏移和擦除方式由固件包决定。</translation>
    </message>
</context>
<context>
    <name>oc::ui::OperatorMode</name>
    <message>
        <source>Choose a board profile first.</source>
        <translation>请先选择板级配置。</translation>
    </message>
    <message>
        <source>The firmware file is still being checked. Try again in a moment.</source>
        <translation>固件文件仍在检查中，请稍后再试。</translation>
    </message>
    <message>
        <source>Choose the firmware first: a station plan flashes one firmware file or package.</source>
        <translation>请先选择固件：工作站方案只烧录一个固件文件或固件包。</translation>
    </message>
    <message>
        <source>The station is locked already.</source>
        <translation>工作站已经锁定。</translation>
    </message>
    <message>
        <source>Set the records folder and the station&apos;s name first (Production &gt; Production settings).</source>
        <translation>请先设置记录文件夹和工作站名称（量产 &gt; 量产设置）。</translation>
    </message>
    <message>
        <source>The plan cannot be locked: %1</source>
        <translation>无法锁定该方案：%1</translation>
    </message>
    <message>
        <source>The PIN cannot be used: %1</source>
        <translation>不能使用这个 PIN 码：%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>PIN 码错误。请等待 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more try(s) before a wait of 30 seconds.</source>
        <translation>
            <numerusform>PIN 码错误。再错 %n 次后需等待 30 秒。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>PIN 码错误次数过多。请等待 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan cannot be saved: %1</source>
        <translation>无法保存该方案：%1</translation>
    </message>
    <message>
        <source>The plan could not be saved: %1</source>
        <translation>方案保存失败：%1</translation>
    </message>
    <message>
        <source>Lock for operators</source>
        <translation>为操作员锁定</translation>
    </message>
    <message>
        <source>Operators will see only Start, Stop, the lanes and the counters. Every board is flashed with %1 using profile %2, and verified. Unlocking needs the PIN you choose here: keep it to yourself.</source>
        <translation>操作员只会看到“开始”“停止”、各通道和计数。每块开发板都会使用板级配置 %2 烧录 %1 并校验。解锁需要你在这里设置的 PIN 码：请勿告诉他人。</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Enter the engineer&apos;s PIN to change the plan or to leave operator mode.</source>
        <translation>输入工程师的 PIN 码，以修改方案或退出操作员模式。</translation>
    </message>
    <message>
        <source>Save station plan</source>
        <translation>保存工作站方案</translation>
    </message>
    <message>
        <source>Station plans (*.json)</source>
        <translation>工作站方案 (*.json)</translation>
    </message>
    <message>
        <source>The plan is saved in %1. A bench without a screen runs it with:

opencloner-cli station &quot;%1&quot;</source>
        <translation>方案已保存到 %1。没有显示器的工位可以这样运行它：

opencloner-cli station &quot;%1&quot;</translation>
    </message>
    <message>
        <source>This station is locked for operators: its firmware cannot be changed. Ask the engineer to unlock it.</source>
        <translation>此工作站已为操作员锁定：不能更换固件。请让工程师解锁。</translation>
    </message>
</context>
<context>
    <name>oc::ui::PermissionDialog</name>
    <message>
        <source>USB permissions</source>
        <translation>USB 权限</translation>
    </message>
    <message>
        <source>Commands that install the udev rule</source>
        <translation>安装 udev 规则的命令</translation>
    </message>
    <message>
        <source>The OpenCloner udev rule is installed (%1). If a board still cannot be opened:
• unplug it and plug it in again: the rule applies to boards that arrive after it was installed;
• close the Ingenic USB Cloner or any other program that uses the board;
• use OpenCloner from the desktop session at the screen: the rule gives the USB boards to the person logged in there, not to remote (SSH) sessions.</source>
        <translation>OpenCloner 的 udev 规则已安装（%1）。如果开发板仍无法打开：
• 拔下并重新插入：规则只对安装之后接入的开发板生效；
• 关闭君正 USB Cloner 或其他正在使用开发板的程序；
• 在本机桌面会话中使用 OpenCloner：规则把 USB 开发板交给在本机登录的用户，而不是远程（SSH）会话。</translation>
    </message>
    <message>
        <source>Linux lets only administrators open USB devices unless a udev rule says otherwise. The OpenCloner package installs a rule that gives the person at the screen access to Ingenic boards in USB boot mode, and to nothing else. It is not installed here. Save the rule file, then run these commands in a terminal (they ask for your password), and plug the board in again:</source>
        <translation>除非 udev 规则另有规定，Linux 只允许管理员打开 USB 设备。OpenCloner 软件包会安装一条规则，只允许在本机登录的用户访问处于 USB 启动模式的君正开发板，不涉及其他设备。此处尚未安装该规则。请先保存规则文件，然后在终端中运行以下命令（会要求输入密码），再重新插入开发板：</translation>
    </message>
    <message>
        <source>The rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>&amp;Save the rule file...</source>
        <translation>保存规则文件(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy the commands</source>
        <translation>复制命令(&amp;C)</translation>
    </message>
    <message>
        <source>Save the udev rule</source>
        <translation>保存 udev 规则</translation>
    </message>
    <message>
        <source>udev rules (*.rules)</source>
        <translation>udev 规则 (*.rules)</translation>
    </message>
</context>
<context>
    <name>oc::ui::PinDialog</name>
    <message>
        <source>Lock for operators</source>
        <translation>为操作员锁定</translation>
    </message>
    <message>
        <source>Unlock the station</source>
        <translation>解锁工作站</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <source>Plan &amp;name:</source>
        <translation>方案名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <source>The PIN is too short: use at least %1 characters.</source>
        <translation>PIN 码太短：至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The PIN repeats one character: anyone would guess it. Choose another.</source>
        <translation>PIN 码只重复一个字符，很容易被猜到。请换一个。</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>两次输入的 PIN 码不一致。请输入两次相同的 PIN 码。</translation>
    </message>
    <message>
        <source>Give the plan a name: the lanes and every record show it.</source>
        <translation>请为方案命名：各通道和每条记录都会显示它。</translation>
    </message>
</context>
<context>
    <name>oc::ui::ProductionMode</name>
    <message>
        <source>Production &amp;mode</source>
        <translation>量产模式(&amp;M)</translation>
    </message>
    <message>
        <source>Flash every board plugged in, each on its own lane, with counters and a record of every board</source>
        <translation>烧录每一块插入的开发板，各占一个通道，并计数、记录每块开发板</translation>
    </message>
    <message>
        <source>%1 (profile %2, %3)</source>
        <translation>%1（板级配置 %2，%3）</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>板级配置 %1</translation>
    </message>
    <message>
        <source>profile %1, %2</source>
        <translation>板级配置 %1，%2</translation>
    </message>
    <message>
        <source>Stop the station first: new names and folders apply to the boards started after that.</source>
        <translation>请先停止工作站：新的名称和文件夹只对之后开始的开发板生效。</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>量产</translation>
    </message>
    <message>
        <source>Ask the engineer to unlock the station and check its plan.</source>
        <translation>请让工程师解锁工作站并检查方案。</translation>
    </message>
    <message>
        <source>The firmware is still being checked. Press Start again in a moment.</source>
        <translation>固件仍在检查中。请稍后再按“开始”。</translation>
    </message>
    <message>
        <source>The plan&apos;s board profile %1 is not available. %2</source>
        <translation>方案中的板级配置 %1 不可用。%2</translation>
    </message>
    <message>
        <source>The plan&apos;s firmware %1 cannot be used%2. %3</source>
        <translation>方案中的固件 %1 无法使用%2。%3</translation>
    </message>
    <message>
        <source>The firmware %1 has changed since the station was locked (SHA-256 %2, the plan expects %3). %4</source>
        <translation>固件 %1 在工作站锁定后已被改动（SHA-256 为 %2，方案要求 %3）。%4</translation>
    </message>
    <message>
        <source>The station has no records folder or no name. Ask the engineer to set them in Production settings.</source>
        <translation>工作站没有记录文件夹或名称。请让工程师在“量产设置”中设置。</translation>
    </message>
    <message>
        <source>the profile&apos;s own files</source>
        <translation>板级配置自带的文件</translation>
    </message>
    <message>
        <source>From now on every Ingenic board plugged in is flashed with %1 using profile %2, without asking, each on its own lane, until you press Stop.</source>
        <translation>从现在起，每一块插入的君正开发板都会使用板级配置 %2 烧录 %1，不再询问，各占一个通道，直到你按下“停止”。</translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) plugged in now start at once.</source>
        <translation>
            <numerusform>当前已插入的 %n 块开发板会立即开始。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every board gets a record in %1.</source>
        <translation>每块开发板都会在 %1 中留下一条记录。</translation>
    </message>
    <message>
        <source>Start production?</source>
        <translation>开始量产？</translation>
    </message>
    <message>
        <source>&amp;Start production</source>
        <translation>开始量产(&amp;S)</translation>
    </message>
    <message>
        <source>Ask the engineer to check the records folder.</source>
        <translation>请让工程师检查记录文件夹。</translation>
    </message>
    <message>
        <source>Make the folder writable, or choose another one in Production &gt; Production settings, then press Start again.</source>
        <translation>请让该文件夹可写，或在“量产 &gt; 量产设置”中另选一个，然后再按“开始”。</translation>
    </message>
    <message>
        <source>The station cannot keep its records in %1: %2. %3</source>
        <translation>工作站无法在 %1 中保存记录：%2。%3</translation>
    </message>
    <message>
        <source>Stop the station?</source>
        <translation>停止工作站？</translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) are still being flashed. Stop them now? Each stops after its current transfer, is recorded as stopped, and its lane says where the board was left.</source>
        <translation>
            <numerusform>还有 %n 块开发板正在烧录。现在停止吗？每块开发板会在当前传输结束后停止，记录为“已停止”，其通道会说明开发板停在什么状态。</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;top the boards</source>
        <translation>停止这些开发板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keep flashing</source>
        <translation>继续烧录(&amp;K)</translation>
    </message>
    <message>
        <source>Lane %1 (port %2)</source>
        <translation>通道 %1（端口 %2）</translation>
    </message>
    <message>
        <source>Board passed</source>
        <translation>开发板通过</translation>
    </message>
    <message>
        <source>%1: done, unplug the board.</source>
        <translation>%1：完成，请拔下开发板。</translation>
    </message>
    <message>
        <source>Board failed</source>
        <translation>开发板失败</translation>
    </message>
    <message>
        <source>%1: %2. Unplug the board and set it aside.</source>
        <translation>%1：%2。请拔下开发板并放到一边。</translation>
    </message>
    <message>
        <source>A board&apos;s record could not be written to %1: %2. The station stopped taking new boards. Check that the disk is not full and the folder is writable (the engineer can choose another folder in Production settings), then press Start again.</source>
        <translation>一块开发板的记录无法写入 %1：%2。工作站已停止接收新的开发板。请检查磁盘是否已满、文件夹是否可写（工程师可以在“量产设置”中另选文件夹），然后再按“开始”。</translation>
    </message>
    <message>
        <source>Records not written</source>
        <translation>记录未写入</translation>
    </message>
</context>
<context>
    <name>oc::ui::ProductionPanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Flashes every board plugged in now and every board plugged in later, each on its own lane</source>
        <translation>烧录现在和之后插入的每一块开发板，各占一个通道</translation>
    </message>
    <message>
        <source>Start the production station</source>
        <translation>启动量产工作站</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>No new board is started; boards still being flashed are stopped</source>
        <translation>不再开始新的开发板；正在烧录的开发板会被停止</translation>
    </message>
    <message>
        <source>Stop the production station</source>
        <translation>停止量产工作站</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>通过：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>In progress: %1</source>
        <translation>进行中：%1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Station: %1 · Operator: %2</source>
        <translation>工作站：%1 · 操作员：%2</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>方案：%1</translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <source>Running: plug boards in, each is flashed on its own lane. Unplug a board when its lane says so.</source>
        <translation>运行中：插入开发板，每块都会在自己的通道中烧录。通道提示后再拔下开发板。</translation>
    </message>
    <message numerus="yes">
        <source>Stopping: %n board(s) still finishing.</source>
        <translation>
            <numerusform>正在停止：还有 %n 块开发板未完成。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped. Press Start to flash every board plugged in.</source>
        <translation>已停止。按“开始”烧录每一块插入的开发板。</translation>
    </message>
</context>
<context>
    <name>oc::ui::ProductionSettingsDialog</name>
    <message>
        <source>C&amp;hoose...</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Production settings</source>
        <translation>量产设置</translation>
    </message>
    <message>
        <source>Records folder</source>
        <translation>记录文件夹</translation>
    </message>
    <message>
        <source>Choose the records folder</source>
        <translation>选择记录文件夹</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>操作员姓名</translation>
    </message>
    <message>
        <source>e.g. bench-3</source>
        <translation>例如 bench-3</translation>
    </message>
    <message>
        <source>Who runs the station</source>
        <translation>谁在操作这个工作站</translation>
    </message>
    <message>
        <source>Every board flashed in production mode gets one line in a CSV file and one in a JSON-lines file in this folder, written the moment it finishes: one file of each per station and day.</source>
        <translation>量产模式下烧录的每块开发板，一完成就会在此文件夹的 CSV 文件和 JSON Lines 文件中各写入一行：每个工作站每天各一个文件。</translation>
    </message>
    <message>
        <source>&amp;Records folder:</source>
        <translation>记录文件夹(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Station:</source>
        <translation>工作站(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>操作员(&amp;O)：</translation>
    </message>
    <message>
        <source>Choose the folder for the records.</source>
        <translation>请选择保存记录的文件夹。</translation>
    </message>
    <message>
        <source>Give the records folder as a full path.</source>
        <translation>请填写记录文件夹的完整路径。</translation>
    </message>
    <message>
        <source>Give the station a name: it is in the file names and in every record.</source>
        <translation>请为工作站命名：文件名和每条记录中都会用到。</translation>
    </message>
</context>
<context>
    <name>oc::ui::SettingsDialog</name>
    <message>
        <source>&amp;Verify after writing (recommended)</source>
        <translation>写入后校验（建议开启）(&amp;V)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Vendor files folder</source>
        <translation>厂商文件夹</translation>
    </message>
    <message>
        <source>The folder of your Ingenic USB Cloner installation</source>
        <translation>你的君正 USB Cloner 安装文件夹</translation>
    </message>
    <message>
        <source>Extra board profile folders</source>
        <translation>额外的板级配置文件夹</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the vendor files folder</source>
        <translation>选择厂商文件夹</translation>
    </message>
    <message>
        <source>&amp;Add folder...</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>OpenCloner ships no Ingenic binaries. Real boards need the SPL and burner (spl.bin, uboot.bin) of your own Ingenic USB Cloner installation.</source>
        <translation>OpenCloner 不附带任何君正二进制文件。真实开发板需要你自己安装的君正 USB Cloner 中的 SPL 和烧录程序（spl.bin、uboot.bin）。</translation>
    </message>
    <message>
        <source>&amp;Vendor files:</source>
        <translation>厂商文件(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Profile folders:</source>
        <translation>配置文件夹(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>外观(&amp;P)：</translation>
    </message>
    <message>
        <source>Folder of the Ingenic USB Cloner</source>
        <translation>君正 USB Cloner 文件夹</translation>
    </message>
    <message>
        <source>Folder with board profiles</source>
        <translation>板级配置所在文件夹</translation>
    </message>
    <message>
        <source>Not set: only virtual boards can be used.</source>
        <translation>未设置：只能使用虚拟开发板。</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>此文件夹不存在。</translation>
    </message>
    <message>
        <source>Found the %1 files: %2</source>
        <translation>已找到 %1 的文件：%2</translation>
    </message>
    <message>
        <source>Missing for %1: %2. Point this at the Cloner folder that has firmwares/%3/.</source>
        <translation>%1 缺少：%2。请指向含有 firmwares/%3/ 的 Cloner 文件夹。</translation>
    </message>
</context>
<context>
    <name>oc::ui::SizeEdit</name>
    <message>
        <source>Bytes: 65536, 0x10000, 64K, 16M or 1G (K, M and G are 1024, 1024² and 1024³)</source>
        <translation>字节数：65536、0x10000、64K、16M 或 1G（K、M、G 分别为 1024、1024² 和 1024³）</translation>
    </message>
    <message>
        <source>e.g. 0x40000 or 256K</source>
        <translation>例如 0x40000 或 256K</translation>
    </message>
</context>
<context>
    <name>oc::ui::StartFlow</name>
    <message>
        <source>the virtual %1 board on port %2</source>
        <translation>端口 %2 上的虚拟 %1 开发板</translation>
    </message>
    <message>
        <source>the virtual board on port %1</source>
        <translation>端口 %1 上的虚拟开发板</translation>
    </message>
    <message>
        <source>the %1 board on port %2</source>
        <translation>端口 %2 上的 %1 开发板</translation>
    </message>
    <message>
        <source>the board on port %1</source>
        <translation>端口 %1 上的开发板</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 块</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>无法开始</translation>
    </message>
    <message>
        <source>Choose a board profile first.</source>
        <translation>请先选择板级配置。</translation>
    </message>
    <message>
        <source>The firmware file is still being checked. Start again in a moment.</source>
        <translation>固件文件仍在检查中，请稍后再开始。</translation>
    </message>
    <message numerus="yes">
        <source>Flash %n board(s)?</source>
        <translation>
            <numerusform>烧录 %n 块开发板？</numerusform>
        </translation>
    </message>
    <message>
        <source>Write %1 (%2) to the flash of %3, with profile %4?</source>
        <translation>用配置 %4 把 %1（%2）写入%3的闪存吗？</translation>
    </message>
    <message>
        <source>The whole flash is erased first: everything on it is lost.</source>
        <translation>会先擦除整个闪存：上面的所有内容都会丢失。</translation>
    </message>
    <message>
        <source>What is on the flash from %1 to %2 is replaced.</source>
        <translation>闪存中从 %1 到 %2 的内容将被替换。</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>写入(&amp;W)</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n board(s)?</source>
        <translation>
            <numerusform>擦除 %n 块开发板？</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase the whole flash of %1? Everything on it is lost, including the boot loader: the board will not start until it is flashed again.</source>
        <translation>要擦除%1的整个闪存吗？上面的所有内容都会丢失，包括引导程序：在重新烧录之前，开发板将无法启动。</translation>
    </message>
    <message>
        <source>Erase %1 of the flash of %2, from %3? What is there is lost.</source>
        <translation>要从 %3 起擦除%2闪存中的 %1 吗？该处的内容将会丢失。</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>全部内容</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>擦除(&amp;E)</translation>
    </message>
    <message>
        <source>Do not ask again for this file and profile until I quit</source>
        <translation>在退出前，对此文件和配置不再询问</translation>
    </message>
    <message>
        <source>No board is ready. Plug a board in USB boot mode, or add a virtual board (Help &gt; Virtual boards).</source>
        <translation>没有就绪的开发板。请以 USB 启动模式插入开发板，或添加虚拟开发板（“帮助 &gt; 虚拟开发板”）。</translation>
    </message>
    <message>
        <source>The chosen board is busy or no longer plugged in.</source>
        <translation>所选开发板正忙或已拔出。</translation>
    </message>
    <message>
        <source>Start anyway?</source>
        <translation>仍要开始吗？</translation>
    </message>
    <message>
        <source>Start &amp;anyway</source>
        <translation>仍然开始(&amp;A)</translation>
    </message>
    <message>
        <source>Careful: %1 answers like a %2, but profile %3 is for a %4. The job will stop when it identifies the board; pick the matching profile first.</source>
        <translation>注意：%1的应答像 %2，但配置 %3 是给 %4 用的。任务会在识别开发板时停止；请先选择相符的配置。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Profile %1 names no file for %2. Drop a firmware file, or choose the files in the Ingenic USB Cloner and import it again.</source>
        <translation>配置 %1 没有为 %2 指定文件。请拖入固件文件，或在君正 USB Cloner 中选好文件后重新导入。</translation>
    </message>
    <message>
        <source>Write the files of profile %1 (%2) to the flash of %3? What is on the flash where they go is replaced.</source>
        <translation>要把配置 %1 的文件（%2）写入%3的闪存吗？写入位置上的原有内容将被替换。</translation>
    </message>
    <message numerus="yes">
        <source>Run the package %1 on %2, with profile %3? Its %n step(s) write %4 to the flash, at the offsets the package gives; what is there is replaced.</source>
        <translation>
            <numerusform>要用配置 %3 在%2上执行固件包 %1 吗？它的 %n 个步骤会按包内给定的偏移向闪存写入 %4，原有内容将被替换。</numerusform>
        </translation>
    </message>
    <message>
        <source>Production mode flashes every board: choose %1 under Operation first.</source>
        <translation>量产模式会烧录每一块开发板：请先在“操作”中选择“%1”。</translation>
    </message>
</context>
<context>
    <name>oc::ui::Station</name>
    <message>
        <source>board on port %1</source>
        <translation>端口 %1 上的开发板</translation>
    </message>
    <message>
        <source>Board connected (USB id %1:%2)</source>
        <translation>开发板已连接（USB ID %1:%2）</translation>
    </message>
    <message>
        <source>Board left the USB bus</source>
        <translation>开发板已从 USB 断开</translation>
    </message>
    <message>
        <source>Could not identify the board: %1 (%2)</source>
        <translation>无法识别开发板：%1（%2）</translation>
    </message>
    <message>
        <source>The board answers &quot;%1&quot;</source>
        <translation>开发板应答“%1”</translation>
    </message>
    <message>
        <source>%1 started with profile %2</source>
        <translation>已用配置 %2 开始“%1”</translation>
    </message>
    <message>
        <source>Stopping after the current transfer...</source>
        <translation>当前传输结束后停止…</translation>
    </message>
    <message>
        <source>%1. What to do: %2 %3</source>
        <translation>%1。怎么办：%2 %3</translation>
    </message>
    <message>
        <source>virtual board on port %1</source>
        <translation>端口 %1 上的虚拟开发板</translation>
    </message>
</context>
<context>
    <name>oc::ui::VirtualBench</name>
    <message>
        <source>, fault: %1</source>
        <translation>，故障：%1</translation>
    </message>
    <message>
        <source>Virtual board plugged in on port %1: %2 with %3 %4%5</source>
        <translation>虚拟开发板已插入端口 %1：%2，%3 %4%5</translation>
    </message>
</context>
<context>
    <name>oc::ui::VirtualBoardDialog</name>
    <message>
        <source>None: a healthy board</source>
        <translation>无：正常的开发板</translation>
    </message>
    <message>
        <source>The cable is pulled while writing</source>
        <translation>写入时线缆被拔出</translation>
    </message>
    <message>
        <source>The board stops taking data while writing</source>
        <translation>写入时开发板不再接收数据</translation>
    </message>
    <message>
        <source>A flash area cannot be programmed</source>
        <translation>闪存某一区域无法写入</translation>
    </message>
    <message>
        <source>No flash chip answers</source>
        <translation>没有闪存芯片应答</translation>
    </message>
    <message>
        <source>The flash is write-protected</source>
        <translation>闪存被写保护</translation>
    </message>
    <message>
        <source>The memory does not start (the SPL hangs)</source>
        <translation>内存无法启动（SPL 卡死）</translation>
    </message>
    <message>
        <source>Custom fault (developer)</source>
        <translation>自定义故障（开发者）</translation>
    </message>
    <message>
        <source>Add virtual boards</source>
        <translation>添加虚拟开发板</translation>
    </message>
    <message>
        <source>Like a real board</source>
        <translation>与真实开发板一样</translation>
    </message>
    <message>
        <source>10 times faster</source>
        <translation>快 10 倍</translation>
    </message>
    <message>
        <source>Instant</source>
        <translation>瞬间完成</translation>
    </message>
    <message>
        <source>e.g. disconnect@write:chunk=3; slow_erase:factor=4</source>
        <translation>例如 disconnect@write:chunk=3; slow_erase:factor=4</translation>
    </message>
    <message>
        <source>Also make a sample firmware file to try with</source>
        <translation>同时生成一个示例固件文件用于试用</translation>
    </message>
    <message>
        <source>A virtual board behaves like a real one in USB boot mode, with its boot ROM, burner and flash, but lives inside OpenCloner. Use it to learn the tool or to show what happens when something goes wrong. It gets generated placeholder vendor files; real boards never do.</source>
        <translation>虚拟开发板的表现与处于 USB 启动模式的真实开发板一样，有启动 ROM、烧录程序和闪存，但它运行在 OpenCloner 内部。可以用它学习本工具，或演示出错时会发生什么。它使用自动生成的占位厂商文件；真实开发板永远不会收到这些文件。</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Number of boards:</source>
        <translation>开发板数量(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Fault:</source>
        <translation>故障(&amp;F)：</translation>
    </message>
    <message>
        <source>Fault &amp;plan:</source>
        <translation>故障计划(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Board profile the virtual board imitates</source>
        <translation>虚拟开发板模拟的板级配置</translation>
    </message>
    <message>
        <source>Number of virtual boards</source>
        <translation>虚拟开发板数量</translation>
    </message>
    <message>
        <source>Speed of the virtual boards</source>
        <translation>虚拟开发板速度</translation>
    </message>
    <message>
        <source>Fault the virtual boards show</source>
        <translation>虚拟开发板表现的故障</translation>
    </message>
    <message>
        <source>Fault plan text</source>
        <translation>故障计划文本</translation>
    </message>
</context>
<context>
    <name>oc::ui::VirtualBoardFlow</name>
    <message>
        <source>The board profiles are still loading.</source>
        <translation>板级配置仍在加载。</translation>
    </message>
    <message>
        <source>Virtual boards</source>
        <translation>虚拟开发板</translation>
    </message>
    <message>
        <source>The virtual board could not be added: %1</source>
        <translation>无法添加虚拟开发板：%1</translation>
    </message>
</context>
</TS>
