<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FileClassifier</name>
    <message>
        <source>%1 is a flash image of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds Ingenic vendor files (SPL and burner). OpenCloner can use it for real boards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Drop the firmware file itself, or a folder of the Ingenic USB Cloner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a text file, not a flash image. Drop the firmware file (.bin or .img).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: check that it is a regular file and that you may open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file on this computer. Download it first, then drop the downloaded file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You dropped %n files. Drop one firmware file at a time.</source>
        <translation>
            <numerusform>You dropped %n file. Drop one firmware file at a time.</numerusform>
            <numerusform>You dropped %n files. Drop one firmware file at a time.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is not a file. Drop a firmware file from your file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2-compressed image: OpenCloner unpacks it while writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an OpenCloner package: its steps are the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an Ingenic USB Cloner installation: OpenCloner can import its board profiles and use its SPL and burner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 looks like an Ingenic USB Cloner bundle: OpenCloner can import its board profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an archive. OpenCloner does not take images out of archives: extract the flash image and drop that file, or drop an OpenCloner package (.zip).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpTexts</name>
    <message>
        <source>OpenCloner user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OpenCloner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;OpenCloner %1&lt;/h3&gt;&lt;p&gt;A free, native replacement for the Ingenic USB Cloner: boots Ingenic SoCs over their USB boot ROM and writes, reads, erases and verifies their flash, on many boards at once.&lt;/p&gt;&lt;p&gt;OpenCloner ships no Ingenic binaries: real boards use the SPL and burner of your own Ingenic USB Cloner installation.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileStepTexts</name>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read %1 at %2 into %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to the end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying the chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading SPL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the burner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the burner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting the flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job settings are not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board profile is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board is not on the USB bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCloner is not allowed to use the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board left the USB bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board stopped answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board refused a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A USB transfer failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board does not match the chosen profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flash chip is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flash does not hold the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCloner hit a bug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the offset, the length and the files of the operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another file, or check the vendor files folder in Settings. The board was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick another board profile, or fix the profile file named in the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the board in USB boot mode (hold the boot button while powering it) and use a cable that carries data. Help &gt; No board detected walks you through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the WinUSB driver for the board (see the user guide), then plug the board in again. Close the Ingenic USB Cloner if it is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close every other program that uses the board (such as the Ingenic USB Cloner), then plug the board in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the OpenCloner udev rule (Help &gt; USB permissions shows how), then unplug and plug the board in again. Close the Ingenic USB Cloner if it is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the cable and the power supply, put the board back in USB boot mode and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power the board off and on in USB boot mode and start again. If it happens again, try another cable or a USB port on the computer itself (not a hub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power the board off and on in USB boot mode and start again, and check that the chosen board profile matches the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the board profile that matches the chip on this board, or power the board off and on in USB boot mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the flash chip is fitted. If it is a part OpenCloner does not know yet, add it to the flash database (see the user guide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power the board off and on and start again. If it happens again, choose &quot;Erase the range before writing&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash the image again. If it happens again, the flash may be write-protected or worn out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again to finish the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log (File &gt; Save log) and report the problem to the OpenCloner project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board is still in its boot ROM and its flash was not touched. Power it off and on in USB boot mode before the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The burner is still running on the board. Power the board off and on in USB boot mode before the next job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board restarted and left the USB bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board left the USB bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board no longer answers: power it off and on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash: unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash: partly written (%1 of %2 from %3); the rest of the range may be erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash: image written at %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash: %1 erased at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burner running (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashed in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: identical (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It happened while: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash chip: %1 (JEDEC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashed and verified in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::BoardPicker</name>
    <message>
        <source>C&amp;hip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Board:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search boards (name, chip, description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SoC on the board. Boards in USB boot mode are identified automatically when their boot ROM tells which chip they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board profile: storage, memory and boot settings of your board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search board profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 answered &quot;%2&quot;, which no known chip does. Pick its profile yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 answers like a %2, which cannot be told apart over USB. The chosen profile (%3) is one of them: check the marking on the chip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 answers like a %2, which cannot be told apart over USB. Pick the profile for the chip on the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is a %2: profile %3 fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is a %2, but there is no board profile for that chip. Add one in Settings &gt; Profile folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is a %2: switched to profile %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::DeviceListModel</name>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cannot tell apart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (burner running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPL running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (&quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, board restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplugged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power-cycle needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy or not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an Ingenic boot ROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (virtual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 board on USB port %2, USB id %3:%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board answers &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, unplug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped, unplug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed, unplug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, restarting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::DeviceTable</name>
    <message>
        <source>No board detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a board in USB boot mode (hold its boot button while you plug it in or power it on). It appears here by itself, with its chip and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to &amp;check...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the checklist for a board that is not detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a &amp;virtual board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a virtual board to try OpenCloner without hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the job on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on the board on port %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::FirmwarePanel</name>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for a firmware file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent firmware files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the firmware file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a firmware file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware images (*.bin *.img *.gz *.xz *.zst *.bz2);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No firmware chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 compressed, %2 unpacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · unpacked SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not use a firmware file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits %1: %2 of %3 from offset %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit %1: the image needs %2 from offset %3, the flash holds %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reads its flash size from the flash chip when the job starts; the image needs %2 from offset %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2  Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the chosen firmware file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the chosen file (a profile that brings its own files then uses them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No firmware chosen: profile %1 brings its own files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file yet for: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made for %1: the package decides offsets and erase mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCloner package: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For any board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write %1 (%2) at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>erase %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s): %1</source>
        <translation>
            <numerusform>%n step: %1</numerusform>
            <numerusform>%n steps: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Every file was checked against its SHA-256; %1 goes to the flash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is for %1, not for %2: choose one of its boards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is for %1 chips, not for %2 (profile %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a firmware file (.bin, .img, .gz, .xz, .zst) or an OpenCloner package (.zip) anywhere on this window, or</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::ImportFlow</name>
    <message>
        <source>Ingenic USB Cloner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an Ingenic USB Cloner installation. Import its board profiles, so they appear in the board list, and use its SPL and burner for real boards?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds Ingenic vendor files (SPL and burner). Use this folder for real boards?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import and use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only use its vendor files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor files folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 looks like an Ingenic USB Cloner bundle. Import its board profiles? Its SPL and burner are kept with them in OpenCloner&apos;s data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the board profiles of %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n board profile(s): %1</source>
        <translation>
            <numerusform>Imported %n board profile: %1</numerusform>
            <numerusform>Imported %n board profiles: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oc::ui::LanguageManager</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCloner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::LogPane</name>
    <message>
        <source>Le&amp;vel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything (debug)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;oard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the log of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save log...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log shown to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every session&apos;s log is kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder of the session logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the log pane (the session log on disk is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Virtual boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open firmware...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save log...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start selected boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;all ready boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top selected boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identify selected boards again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove unplugged boards from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No board detected...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB &amp;permissions...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add virtual boards...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unplug the selected virtual boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plug them back in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove all virtual boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About OpenCloner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Production mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production &amp;settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;records folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock for operators...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve station plan...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::MainWindow</name>
    <message>
        <source>OpenCloner %1 started; this session&apos;s log is kept in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCloner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1  Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3  Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start all ready boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts the operation on every board that is plugged in and not busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops every running job after its current transfer; each row then says where the board was left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some board profiles could not be loaded, only the built-in ones are used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some board profiles could not be loaded: see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) plugged in</source>
        <translation>
            <numerusform>%n board plugged in</numerusform>
            <numerusform>%n boards plugged in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working</source>
        <translation>
            <numerusform>%n working</numerusform>
            <numerusform>%n working</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n ready</numerusform>
            <numerusform>%n ready</numerusform>
        </translation>
    </message>
    <message>
        <source>USB unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB: watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB: checking every second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB: virtual boards only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor files: not set (virtual boards only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of your Ingenic USB Cloner installation, with the SPL and burner of each chip. Change it in File &gt; Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No permission to open the %1: see Help &gt; USB permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boards are still working</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) are still working. Stop them and quit? Each is stopped after its current transfer.</source>
        <translation>
            <numerusform>%n board is still working. Stop it and quit? It is stopped after its current transfer.</numerusform>
            <numerusform>%n boards are still working. Stop them and quit? Each is stopped after its current transfer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and &amp;quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the boards...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::NoBoardDialog</name>
    <message>
        <source>No board detected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a board in USB boot mode...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check, one after the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cable carries data. Many phone-charging cables only carry power: try the cable that came with the board, or one that works with a phone&apos;s file transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board is in USB boot mode: hold its boot button (often marked BOOT) while you plug the cable in or switch the board on, and release it after two seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cable is in a USB port of the computer itself, not in a hub, a keyboard or a monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board appears in the list on the right as an Ingenic device with the USB id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It appears but cannot be opened: USB permissions...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No board at hand: try a virtual board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB events, live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Ingenic boards are listed on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present: %1:%2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (for a %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingenic device %1 arrived on port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingenic device %1 arrived on port %2, but you may not open it: see USB permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another USB device arrived: %1 %2 %3 (not a board in USB boot mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB device %1:%2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found: %1. It is in the list of boards; you can close this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::OperationPanel</name>
    <message>
        <source>&amp;Operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify after writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the flash back and compares it with the image. Recommended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ffset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset in the flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the blocks being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range before writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole chip first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing (already erased)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to save the flash contents to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to save the flash contents to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the board &amp;when done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the flash contents to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash images (*.bin *.img);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the firmware file to the flash of each board you start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the flash into the file. With several boards, each gets its own file named after its port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erases the flash: what was there is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compares the flash with the firmware file, byte for byte. Nothing is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loads the SPL and the burner and leaves the burner running, for other tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset &quot;%1&quot; is not a number of bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length &quot;%1&quot; is not a number of bytes above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a firmware file first: drop it on the window or use Browse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to save the flash contents to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the package&apos;s steps on each board you start; the package sets the offsets and the erase mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::OperatorMode</name>
    <message>
        <source>Choose a board profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware file is still being checked. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the firmware first: a station plan flashes one firmware file or package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station is locked already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the records folder and the station&apos;s name first (Production &gt; Production settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan cannot be locked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Wrong PIN. Wait %n second before the next try.</numerusform>
            <numerusform>Wrong PIN. Wait %n seconds before the next try.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more try(s) before a wait of 30 seconds.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before a wait of 30 seconds.</numerusform>
            <numerusform>Wrong PIN. %n more tries before a wait of 30 seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Too many wrong PINs. Wait %n second before the next try.</numerusform>
            <numerusform>Too many wrong PINs. Wait %n seconds before the next try.</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan cannot be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock for operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators will see only Start, Stop, the lanes and the counters. Every board is flashed with %1 using profile %2, and verified. Unlocking needs the PIN you choose here: keep it to yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the engineer&apos;s PIN to change the plan or to leave operator mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save station plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station plans (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan is saved in %1. A bench without a screen runs it with:

opencloner-cli station &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station is locked for operators: its firmware cannot be changed. Ask the engineer to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::PermissionDialog</name>
    <message>
        <source>USB permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands that install the udev rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OpenCloner udev rule is installed (%1). If a board still cannot be opened:
• unplug it and plug it in again: the rule applies to boards that arrive after it was installed;
• close the Ingenic USB Cloner or any other program that uses the board;
• use OpenCloner from the desktop session at the screen: the rule gives the USB boards to the person logged in there, not to remote (SSH) sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux lets only administrators open USB devices unless a udev rule says otherwise. The OpenCloner package installs a rule that gives the person at the screen access to Ingenic boards in USB boot mode, and to nothing else. It is not installed here. Save the rule file, then run these commands in a terminal (they ask for your password), and plug the board in again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the rule file...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy the commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the udev rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>udev rules (*.rules)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::PinDialog</name>
    <message>
        <source>Lock for operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN is too short: use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN repeats one character: anyone would guess it. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the plan a name: the lanes and every record show it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::ProductionMode</name>
    <message>
        <source>Production &amp;mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash every board plugged in, each on its own lane, with counters and a record of every board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (profile %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the station first: new names and folders apply to the boards started after that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the engineer to unlock the station and check its plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware is still being checked. Press Start again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan&apos;s board profile %1 is not available. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan&apos;s firmware %1 cannot be used%2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware %1 has changed since the station was locked (SHA-256 %2, the plan expects %3). %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station has no records folder or no name. Ask the engineer to set them in Production settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s own files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on every Ingenic board plugged in is flashed with %1 using profile %2, without asking, each on its own lane, until you press Stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) plugged in now start at once.</source>
        <translation>
            <numerusform>%n board plugged in now starts at once.</numerusform>
            <numerusform>%n boards plugged in now start at once.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every board gets a record in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the engineer to check the records folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the folder writable, or choose another one in Production &gt; Production settings, then press Start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station cannot keep its records in %1: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the station?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n board(s) are still being flashed. Stop them now? Each stops after its current transfer, is recorded as stopped, and its lane says where the board was left.</source>
        <translation>
            <numerusform>%n board is still being flashed. Stop it now? It stops after its current transfer, is recorded as stopped, and its lane says where the board was left.</numerusform>
            <numerusform>%n boards are still being flashed. Stop them now? Each stops after its current transfer, is recorded as stopped, and its lane says where the board was left.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;top the boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep flashing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane %1 (port %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done, unplug the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2. Unplug the board and set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A board&apos;s record could not be written to %1: %2. The station stopped taking new boards. Check that the disk is not full and the folder is writable (the engineer can choose another folder in Production settings), then press Start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records not written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::ProductionPanel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashes every board plugged in now and every board plugged in later, each on its own lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the production station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new board is started; boards still being flashed are stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the production station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station: %1 · Operator: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: plug boards in, each is flashed on its own lane. Unplug a board when its lane says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopping: %n board(s) still finishing.</source>
        <translation>
            <numerusform>Stopping: %n board still finishing.</numerusform>
            <numerusform>Stopping: %n boards still finishing.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped. Press Start to flash every board plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::ProductionSettingsDialog</name>
    <message>
        <source>C&amp;hoose...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the records folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. bench-3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who runs the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every board flashed in production mode gets one line in a CSV file and one in a JSON-lines file in this folder, written the moment it finishes: one file of each per station and day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Records folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Station:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the records folder as a full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the station a name: it is in the file names and in every record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::SettingsDialog</name>
    <message>
        <source>&amp;Verify after writing (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor files folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of your Ingenic USB Cloner installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra board profile folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the vendor files folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCloner ships no Ingenic binaries. Real boards need the SPL and burner (spl.bin, uboot.bin) of your own Ingenic USB Cloner installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the Ingenic USB Cloner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with board profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set: only virtual boards can be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found the %1 files: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing for %1: %2. Point this at the Cloner folder that has firmwares/%3/.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::SizeEdit</name>
    <message>
        <source>Bytes: 65536, 0x10000, 64K, 16M or 1G (K, M and G are 1024, 1024² and 1024³)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0x40000 or 256K</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::StartFlow</name>
    <message>
        <source>the virtual %1 board on port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the virtual board on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 board on port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the board on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a board profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firmware file is still being checked. Start again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Flash %n board(s)?</source>
        <translation>
            <numerusform>Flash %n board?</numerusform>
            <numerusform>Flash %n boards?</numerusform>
        </translation>
    </message>
    <message>
        <source>Write %1 (%2) to the flash of %3, with profile %4?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole flash is erased first: everything on it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is on the flash from %1 to %2 is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Erase %n board(s)?</source>
        <translation>
            <numerusform>Erase %n board?</numerusform>
            <numerusform>Erase %n boards?</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase the whole flash of %1? Everything on it is lost, including the boot loader: the board will not start until it is flashed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase %1 of the flash of %2, from %3? What is there is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not ask again for this file and profile until I quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No board is ready. Plug a board in USB boot mode, or add a virtual board (Help &gt; Virtual boards).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen board is busy or no longer plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Careful: %1 answers like a %2, but profile %3 is for a %4. The job will stop when it identifies the board; pick the matching profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 names no file for %2. Drop a firmware file, or choose the files in the Ingenic USB Cloner and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the files of profile %1 (%2) to the flash of %3? What is on the flash where they go is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run the package %1 on %2, with profile %3? Its %n step(s) write %4 to the flash, at the offsets the package gives; what is there is replaced.</source>
        <translation>
            <numerusform>Run the package %1 on %2, with profile %3? Its step writes %4 to the flash, at the offset the package gives; what is there is replaced.</numerusform>
            <numerusform>Run the package %1 on %2, with profile %3? Its %n steps write %4 to the flash, at the offsets the package gives; what is there is replaced.</numerusform>
        </translation>
    </message>
    <message>
        <source>Production mode flashes every board: choose %1 under Operation first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::Station</name>
    <message>
        <source>board on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board connected (USB id %1:%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board left the USB bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not identify the board: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board answers &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started with profile %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current transfer...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. What to do: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual board on port %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::VirtualBench</name>
    <message>
        <source>, fault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual board plugged in on port %1: %2 with %3 %4%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::VirtualBoardDialog</name>
    <message>
        <source>None: a healthy board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cable is pulled while writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board stops taking data while writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A flash area cannot be programmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flash chip answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flash is write-protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memory does not start (the SPL hangs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fault (developer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add virtual boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like a real board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 times faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. disconnect@write:chunk=3; slow_erase:factor=4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also make a sample firmware file to try with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A virtual board behaves like a real one in USB boot mode, with its boot ROM, burner and flash, but lives inside OpenCloner. Use it to learn the tool or to show what happens when something goes wrong. It gets generated placeholder vendor files; real boards never do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number of boards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fault:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault &amp;plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board profile the virtual board imitates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of virtual boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed of the virtual boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault the virtual boards show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault plan text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oc::ui::VirtualBoardFlow</name>
    <message>
        <source>The board profiles are still loading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The virtual board could not be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
