<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fsd::ui::AddMembersDialog</name>
    <message>
        <location filename="../ui/AddMembersDialog.cpp" line="29"/>
        <source>Add members to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AddMembersDialog.cpp" line="31"/>
        <source>Find users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AddMembersDialog.cpp" line="34"/>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AddMembersDialog.cpp" line="35"/>
        <source>Users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AddMembersDialog.cpp" line="37"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AddMembersDialog.cpp" line="70"/>
        <source>Every user of this domain is already a member of the group.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::AttributeEditor</name>
    <message>
        <location filename="../ui/AttributeEditor.cpp" line="28"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeEditor.cpp" line="29"/>
        <location filename="../ui/AttributeEditor.cpp" line="85"/>
        <location filename="../ui/AttributeEditor.cpp" line="185"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeEditor.cpp" line="30"/>
        <location filename="../ui/AttributeEditor.cpp" line="178"/>
        <source>Copy value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeEditor.cpp" line="31"/>
        <location filename="../ui/AttributeEditor.cpp" line="180"/>
        <source>Reveal secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeEditor.cpp" line="50"/>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeEditor.cpp" line="52"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeEditor.cpp" line="64"/>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::AttributeItemDelegate</name>
    <message>
        <location filename="../ui/AttributeItemDelegate.cpp" line="27"/>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::AttributeTableModel</name>
    <message>
        <location filename="../ui/AttributeTableModel.cpp" line="169"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeTableModel.cpp" line="171"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeTableModel.cpp" line="173"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeTableModel.cpp" line="175"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeTableModel.cpp" line="196"/>
        <source>both</source>
        <extracomment>Gateway variable direction when none is set: the variable applies both ways.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeTableModel.cpp" line="222"/>
        <source>Disabled: kept here, but not served to FreeSWITCH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AttributeTableModel.cpp" line="224"/>
        <source>Secret value: use Reveal to show it, or Copy value to copy it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::BulkAddUsersDialog</name>
    <message>
        <location filename="../ui/BulkAddUsersDialog.cpp" line="21"/>
        <source>Add users to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BulkAddUsersDialog.cpp" line="23"/>
        <source>for example ext1000 or ext007</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BulkAddUsersDialog.cpp" line="30"/>
        <source>First user name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BulkAddUsersDialog.cpp" line="31"/>
        <source>Number of users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BulkAddUsersDialog.cpp" line="32"/>
        <source>Names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BulkAddUsersDialog.cpp" line="33"/>
        <source>Each new user gets a generated strong password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::ConnectDialog</name>
    <message>
        <location filename="../ui/ConnectDialog.cpp" line="18"/>
        <source>Connect to Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectDialog.cpp" line="28"/>
        <source>Server URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectDialog.cpp" line="29"/>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectDialog.cpp" line="30"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectDialog.cpp" line="31"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::DetailPane</name>
    <message>
        <location filename="../ui/DetailPane.cpp" line="38"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DetailPane.cpp" line="39"/>
        <location filename="../ui/DetailPane.cpp" line="40"/>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DetailPane.cpp" line="42"/>
        <source>Group parameters and variables come from imported XML and are served to FreeSWITCH. The API has no events to change them, so they are shown read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DetailPane.cpp" line="131"/>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DetailPane.cpp" line="132"/>
        <source>Select a domain, user, gateway or group to see and edit its details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::DirectoryClient</name>
    <message>
        <location filename="../ui/DirectoryClient.cpp" line="52"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::DirectoryTreeModel</name>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="33"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="35"/>
        <source>Number alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="37"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DirectoryTreeModelData.cpp" line="110"/>
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DirectoryTreeModelData.cpp" line="112"/>
        <source>, %n registered</source>
        <translation>
            <numerusform>, %n registered</numerusform>
            <numerusform>, %n registered</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="130"/>
        <source>SIP registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="132"/>
        <source>Verto registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="134"/>
        <source>talking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="136"/>
        <source>in call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="139"/>
        <source>not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DirectoryTreeModelData.cpp" line="147"/>
        <source>Domain %1 with %n user(s)</source>
        <translation>
            <numerusform>Domain %1 with %n user</numerusform>
            <numerusform>Domain %1 with %n users</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="153"/>
        <source>User %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="154"/>
        <source>User %1 (number alias %2) of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="159"/>
        <source>Gateway %1 of user %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="163"/>
        <source>Disabled: kept here, but not served to FreeSWITCH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DirectoryTreeModelData.cpp" line="165"/>
        <source>Not served to FreeSWITCH, because an item above it is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="23"/>
        <source>Export XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="25"/>
        <source>For FreeSWITCH (disabled items left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="26"/>
        <source>Backup (everything, restorable by an import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="28"/>
        <source>One XML file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="29"/>
        <source>A folder with one file per domain (for conf/directory/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="37"/>
        <source>Write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="74"/>
        <source>Export the directory to the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="83"/>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="84"/>
        <source>directory.xml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="84"/>
        <source>directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="31"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="36"/>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="83"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="39"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="75"/>
        <source>Export the directory to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="76"/>
        <source>XML files (*.xml)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::GroupsTreeModel</name>
    <message>
        <location filename="../ui/GroupsTreeModel.cpp" line="284"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GroupsTreeModel.cpp" line="286"/>
        <source>Membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GroupsTreeModel.cpp" line="303"/>
        <source>defined here</source>
        <extracomment>A user defined inside the group&apos;s &lt;users&gt; in FreeSWITCH XML, as opposed to a pointer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GroupsTreeModel.cpp" line="304"/>
        <source>pointer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::ImportFreeSwitchDialog</name>
    <message>
        <location filename="../ui/ImportFreeSwitchDialog.cpp" line="20"/>
        <source>Import from FreeSWITCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportFreeSwitchDialog.cpp" line="28"/>
        <source>The fsdirector that holds the directory connects to this Event Socket and imports the directory FreeSWITCH has loaded (api xml_locate directory), all or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportFreeSwitchDialog.cpp" line="34"/>
        <source>Event Socket host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportFreeSwitchDialog.cpp" line="35"/>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportFreeSwitchDialog.cpp" line="36"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportFreeSwitchDialog.cpp" line="37"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::ImportReportDialog</name>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="65"/>
        <source>Check only: nothing was stored. The import would create:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="66"/>
        <source>Imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="67"/>
        <source>  %n domain(s)</source>
        <translation>
            <numerusform>  %n domain</numerusform>
            <numerusform>  %n domains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="68"/>
        <source>  %n user(s)</source>
        <translation>
            <numerusform>  %n user</numerusform>
            <numerusform>  %n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="69"/>
        <source>  %n group(s)</source>
        <translation>
            <numerusform>  %n group</numerusform>
            <numerusform>  %n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="70"/>
        <source>  %n group membership(s)</source>
        <translation>
            <numerusform>  %n group membership</numerusform>
            <numerusform>  %n group memberships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="71"/>
        <source>  %n gateway(s)</source>
        <translation>
            <numerusform>  %n gateway</numerusform>
            <numerusform>  %n gateways</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="72"/>
        <source>  %n parameter(s) of domains, users, groups and gateways</source>
        <translation>
            <numerusform>  %n parameter of domains, users, groups and gateways</numerusform>
            <numerusform>  %n parameters of domains, users, groups and gateways</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="75"/>
        <source>  %n variable(s) of domains, users, groups and gateways</source>
        <translation>
            <numerusform>  %n variable of domains, users, groups and gateways</numerusform>
            <numerusform>  %n variables of domains, users, groups and gateways</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="83"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="84"/>
        <source>Not modelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="85"/>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="99"/>
        <source>Files read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="104"/>
        <source>The check found no error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="104"/>
        <source>The import succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="106"/>
        <source>%n user(s)</source>
        <extracomment>Parts of one sentence: &quot;20 user(s)&quot; + &quot; in 1 domain(s)&quot; + &quot;, 3 warning(s).&quot;</extracomment>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="107"/>
        <source> in %n domain(s)</source>
        <translation>
            <numerusform> in %n domain</numerusform>
            <numerusform> in %n domains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportDialog.cpp" line="108"/>
        <source>, %n warning(s).</source>
        <translation>
            <numerusform>, %n warning.</numerusform>
            <numerusform>, %n warnings.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportReportDialog.cpp" line="114"/>
        <source>Nothing was changed, because of this error:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::ImportXmlDialog</name>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="23"/>
        <source>A directory XML &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="24"/>
        <source>A FreeSWITCH &amp;conf/ folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="28"/>
        <source>Check &amp;Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="29"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="31"/>
        <source>Import XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="34"/>
        <source>/etc/freeswitch/directory/default.xml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="35"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="38"/>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="38"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="41"/>
        <source>Add Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="42"/>
        <source>Remove Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="61"/>
        <source>Import:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="62"/>
        <source>Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="64"/>
        <source>Variables set here replace those of vars.xml, such as domain or default_password. Values FreeSWITCH computes at run time (local_ip_v4, hostname) must be set here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="152"/>
        <source>Choose a FreeSWITCH conf/ folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="153"/>
        <source>Choose a directory XML file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="154"/>
        <source>XML files (*.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="164"/>
        <source>Choose a file or folder to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="166"/>
        <source>&quot;%1&quot; does not exist. Check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="168"/>
        <source>&quot;%1&quot; is a file; choose &quot;A directory XML file&quot; or pick a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportXmlDialog.cpp" line="171"/>
        <source>&quot;%1&quot; is a folder; choose &quot;A FreeSWITCH conf/ folder&quot; or pick a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="71"/>
        <source>Find users by name or number alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>&lt;b&gt;Directory&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>&lt;b&gt;Groups&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="207"/>
        <source>Loading the directory failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="330"/>
        <location filename="../ui/MainWindow.cpp" line="355"/>
        <source>Domain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="331"/>
        <location filename="../ui/MainWindow.cpp" line="356"/>
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="332"/>
        <location filename="../ui/MainWindow.cpp" line="347"/>
        <source>, disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="337"/>
        <source>User %1@%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="241"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="243"/>
        <source>FreeSWITCH: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="248"/>
        <source>unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="249"/>
        <source>Last call: %1, started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="263"/>
        <source>FreeSWITCH: connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="265"/>
        <source>FreeSWITCH: connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="267"/>
        <source>FreeSWITCH: reconnecting to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269"/>
        <source>FreeSWITCH: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="345"/>
        <source>Gateway %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="346"/>
        <source>Gateway of user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="361"/>
        <source>Expand the group to load its members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="362"/>
        <source>%n member(s).</source>
        <translation>
            <numerusform>%n member.</numerusform>
            <numerusform>%n members.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="364"/>
        <source>Group %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="366"/>
        <source>Drag users from the Directory tree onto the group, or use Add members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="373"/>
        <source>Member %1 of group %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="374"/>
        <source>Select the user in the Directory tree to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="489"/>
        <source>No directory open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="491"/>
        <source>Remote directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="493"/>
        <source>Local directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="497"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="497"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="500"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="503"/>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="509"/>
        <source>API server: listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="510"/>
        <source>API server: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="512"/>
        <source>FreeSWITCH lookups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="514"/>
        <source>server error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="521"/>
        <source>%1 – fsdirector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="522"/>
        <location filename="../ui/MainWindowTransfers.cpp" line="92"/>
        <source>fsdirector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="529"/>
        <source>FreeSWITCH fetches its directory from this fsdirector at %1. After quitting, registrations and calls that need a directory lookup fail until fsdirector runs again.

Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="533"/>
        <source>Quit fsdirector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="533"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="100"/>
        <source>Add domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="100"/>
        <source>Domain name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="118"/>
        <source>Add user to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="118"/>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="144"/>
        <source>Added %n user(s).</source>
        <translation>
            <numerusform>Added %n user.</numerusform>
            <numerusform>Added %n users.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="160"/>
        <source>Add gateway to user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="160"/>
        <source>Gateway name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="178"/>
        <source>Add group to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="178"/>
        <source>Group name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="213"/>
        <source>Check the users to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="230"/>
        <source>Adding a member to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="243"/>
        <source>Remove %1 from group %2? The user stays in the domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="245"/>
        <source>Remove %n member(s) from group %1? The users stay in the domain.</source>
        <translation>
            <numerusform>Remove %n member from group %1? The users stay in the domain.</numerusform>
            <numerusform>Remove %n members from group %1? The users stay in the domain.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="248"/>
        <source>Remove from group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="248"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="251"/>
        <source>Removing a member failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="272"/>
        <location filename="../ui/MainWindowCommands.cpp" line="280"/>
        <source>domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="273"/>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="274"/>
        <source>gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="280"/>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="286"/>
        <source>Rename %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="286"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="311"/>
        <source>Disabling failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="311"/>
        <source>Enabling failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="324"/>
        <source>Delete domain %1 and its %n user(s)? Their parameters, variables, gateways and groups go with them.</source>
        <translation>
            <numerusform>Delete domain %1 and its %n user? Their parameters, variables, gateways and groups go with them.</numerusform>
            <numerusform>Delete domain %1 and its %n users? Their parameters, variables, gateways and groups go with them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="329"/>
        <source>Delete user %1 of %2 and its %n gateway(s)? Its parameters, variables and group memberships go with it.</source>
        <translation>
            <numerusform>Delete user %1 of %2 and its %n gateway? Its parameters, variables and group memberships go with it.</numerusform>
            <numerusform>Delete user %1 of %2 and its %n gateways? Its parameters, variables and group memberships go with it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="334"/>
        <source>Delete gateway %1 of user %2 with its parameters and variables?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="340"/>
        <source>Delete group %1 of %2? Its members stay users of the domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="342"/>
        <source>Delete group %1 of %2 and its %n membership(s)? The users stay in the domain.</source>
        <translation>
            <numerusform>Delete group %1 of %2 and its %n membership? The users stay in the domain.</numerusform>
            <numerusform>Delete group %1 of %2 and its %n memberships? The users stay in the domain.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="367"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCommands.cpp" line="369"/>
        <source>Deleting failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="41"/>
        <source>&amp;Import XML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="43"/>
        <source>Import from &amp;FreeSWITCH…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="45"/>
        <source>&amp;Export XML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="47"/>
        <source>&amp;Connect to Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="49"/>
        <source>Open &amp;Local Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="51"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="53"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="55"/>
        <source>Add &amp;Domain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="58"/>
        <source>Add &amp;User…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="61"/>
        <source>Add &amp;Several Users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="63"/>
        <source>Import Users from XML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="65"/>
        <source>Add &amp;Gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="68"/>
        <source>Add G&amp;roup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="71"/>
        <source>Add &amp;Members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="73"/>
        <source>Remove from Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="76"/>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="78"/>
        <location filename="../ui/MainWindowActions.cpp" line="225"/>
        <source>Disa&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="80"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="83"/>
        <source>&amp;Find Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="85"/>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="88"/>
        <source>&amp;About fsdirector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="105"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="117"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="125"/>
        <source>&amp;Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="132"/>
        <source>&amp;Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="137"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="143"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="225"/>
        <source>Ena&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="66"/>
        <source>Check XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="66"/>
        <source>Import XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="69"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="77"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="96"/>
        <source>Checking against %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="97"/>
        <source>Importing into %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="140"/>
        <source>Check finished; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowImport.cpp" line="149"/>
        <source>Import finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="42"/>
        <source>&quot;%1&quot; is not a server URL. Write ws://host:port/ws, or wss://host:port/ws for a server with TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="78"/>
        <source>Connected to %1 as %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="97"/>
        <source>Connecting failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="103"/>
        <source>Connection lost: %1. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="110"/>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="128"/>
        <source>The server %1 presents a certificate that this computer does not trust (issued to &quot;%2&quot;).

Its SHA-256 fingerprint is:
%3

Compare it with the fingerprint of the server&apos;s certificate. Trust it for this server from now on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="132"/>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="132"/>
        <source>Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="146"/>
        <source>Log In Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowRemote.cpp" line="147"/>
        <source>The session on %1 ended. Log in again to continue; until then the window shows the directory as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="90"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="112"/>
        <source>Import from FreeSWITCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="130"/>
        <source>Choose the folder to write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="131"/>
        <source>Choose the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="145"/>
        <source>Export XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="146"/>
        <source>Exporting to %1 failed, so choose another place.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowTransfers.cpp" line="151"/>
        <source>Exported the directory to %n file(s) in %1.</source>
        <translation>
            <numerusform>Exported the directory to %n file in %1.</numerusform>
            <numerusform>Exported the directory to %n files in %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="154"/>
        <source>Exported the directory to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="169"/>
        <source>Import users into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="170"/>
        <source>XML files (*.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="175"/>
        <location filename="../ui/MainWindowTransfers.cpp" line="183"/>
        <source>Import Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="176"/>
        <source>Reading %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="196"/>
        <source>About fsdirector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTransfers.cpp" line="197"/>
        <source>&lt;p&gt;&lt;b&gt;fsdirector %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Administration tool for the FreeSWITCH directory.&lt;/p&gt;&lt;p&gt;Licensed under the Mozilla Public License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="26"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="28"/>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="36"/>
        <source>Remote API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="41"/>
        <source>Listen on (address:port):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="42"/>
        <source>TLS certificate (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="43"/>
        <source>TLS private key (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="44"/>
        <source>Allow a non-loopback address without TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="30"/>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="32"/>
        <source>An SQLite file, or postgresql://user@host:port/database for PostgreSQL (the password comes from FSDIRECTOR_DATABASE_PASSWORD, the settings file or ~/.pgpass).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="47"/>
        <source>FreeSWITCH Event Socket (imports, live registrations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="57"/>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="58"/>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="59"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="60"/>
        <source>Show registrations and calls live (applies at the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="65"/>
        <source>Settings are stored in %1. Changes to the database file and the API listener apply the next time fsdirector starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="95"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="102"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="142"/>
        <source>The database file is missing. Enter the path of a SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="151"/>
        <source>The API address &quot;%1&quot; is not an address:port such as 127.0.0.1:8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="155"/>
        <source>TLS needs both a certificate and a private key; set both or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="158"/>
        <source>The TLS file &quot;%1&quot; cannot be read. Check the path and its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="162"/>
        <source>The Event Socket host is missing, such as 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="170"/>
        <source>Writing %1 failed. Check that its folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fsd::ui::UserSettingsForm</name>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="37"/>
        <source>Cache (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="37"/>
        <source>0: FreeSWITCH does not cache this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="38"/>
        <source>CIDR:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="38"/>
        <source>for example 192.0.2.0/24, 198.51.100.7/32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="39"/>
        <source>Number alias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="39"/>
        <source>another number that reaches this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="141"/>
        <source>This user has neither a password nor an a1-hash parameter. FreeSWITCH lets anyone register as this user without checking a credential. Add a password parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UserSettingsForm.cpp" line="145"/>
        <source>This user has FreeSWITCH&apos;s sample password 1234, which is the first one attackers try. Change the password parameter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
