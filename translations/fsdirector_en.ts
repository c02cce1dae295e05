<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fsd::ui::DirectoryTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/DirectoryTreeModelData.cpp" line="93"/>
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DirectoryTreeModelData.cpp" line="95"/>
        <source>, %n registered</source>
        <translation>
            <numerusform>, %n registered</numerusform>
            <numerusform>, %n registered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DirectoryTreeModelData.cpp" line="125"/>
        <source>Domain %1 with %n user(s)</source>
        <translation>
            <numerusform>Domain %1 with %n user</numerusform>
            <numerusform>Domain %1 with %n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fsd::ui::ImportReportDialog</name>
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
</context>
<context>
    <name>fsd::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="269"/>
        <location filename="../ui/MainWindow.cpp" line="294"/>
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="300"/>
        <source>%n member(s).</source>
        <translation>
            <numerusform>%n member.</numerusform>
            <numerusform>%n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="144"/>
        <source>Added %n user(s).</source>
        <translation>
            <numerusform>Added %n user.</numerusform>
            <numerusform>Added %n users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="245"/>
        <source>Remove %n member(s) from group %1? The users stay in the domain.</source>
        <translation>
            <numerusform>Remove %n member from group %1? The users stay in the domain.</numerusform>
            <numerusform>Remove %n members from group %1? The users stay in the domain.</numerusform>
        </translation>
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
    <message numerus="yes">
        <location filename="../ui/MainWindowCommands.cpp" line="342"/>
        <source>Delete group %1 of %2 and its %n membership(s)? The users stay in the domain.</source>
        <translation>
            <numerusform>Delete group %1 of %2 and its %n membership? The users stay in the domain.</numerusform>
            <numerusform>Delete group %1 of %2 and its %n memberships? The users stay in the domain.</numerusform>
        </translation>
    </message>
</context>
</TS>
