// SPDX-License-Identifier: MPL-2.0
#include "app/CommandLine.h"

namespace fsd {

CommandLine::CommandLine()
{
    m_parser.setApplicationDescription(QStringLiteral(
        "Administration tool for the FreeSWITCH directory.\n"
        "\n"
        "Environment variables:\n"
        "  FSDIRECTOR_ADMIN_PASSWORD  Password of the operator \"admin\" that the first start\n"
        "                             creates. Without it, --headless generates one and prints\n"
        "                             it once, and the window creates no operator.\n"
        "  DISPLAY, WAYLAND_DISPLAY,  Where the window opens. With none of them set, fsdirector\n"
        "  QT_QPA_PLATFORM            without a command option exits; use --headless.\n"
        "  QT_LOGGING_RULES           Log levels, such as \"fsdirector.*.debug=true\".\n"
        "  LC_ALL, LC_MESSAGES, LANG  Locale that picks the window's translation, when one is\n"
        "                             installed."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({config, database, headless, event, addOperator, role, passwd,
                         removeOperator, listOperators, tokenLifetime, listen, tlsCert, tlsKey,
                         allowInsecureApi, maxConnections, xmlCurlListen, allowInsecureXmlCurl,
                         printFreeSwitchConfig, importXml, set, dryRun, varsFromFreeSwitch,
                         exportXml, exportMode, dumpDirectory, eventSocket});
}

void CommandLine::process(const QStringList &arguments)
{
    m_parser.process(arguments);
}

QList<QCommandLineOption> CommandLine::commandOptions() const
{
    return {event, addOperator, passwd, removeOperator, listOperators, printFreeSwitchConfig,
            importXml, exportXml, dumpDirectory};
}

CommandLine::Mode CommandLine::mode() const
{
    for (const QCommandLineOption &option : commandOptions()) {
        if (m_parser.isSet(option))
            return Mode::Command;
    }
    return m_parser.isSet(headless) ? Mode::Headless : Mode::Gui;
}

QString CommandLine::settingsFile() const
{
    return m_parser.isSet(config) ? m_parser.value(config) : AppSettings::defaultFilePath();
}

AppSettings CommandLine::settings() const
{
    AppSettings settings = AppSettings::load(settingsFile());
    if (m_parser.isSet(database))
        settings.databasePath = m_parser.value(database);
    if (m_parser.isSet(tokenLifetime))
        settings.tokenLifetimeHours = m_parser.value(tokenLifetime).toInt();
    if (m_parser.isSet(listen))
        settings.apiListen = m_parser.value(listen);
    if (m_parser.isSet(tlsCert))
        settings.tlsCertificate = m_parser.value(tlsCert);
    if (m_parser.isSet(tlsKey))
        settings.tlsKey = m_parser.value(tlsKey);
    if (m_parser.isSet(allowInsecureApi))
        settings.allowInsecureApi = true;
    if (m_parser.isSet(xmlCurlListen))
        settings.xmlCurlListen = m_parser.value(xmlCurlListen);
    if (m_parser.isSet(allowInsecureXmlCurl))
        settings.allowInsecureXmlCurl = true;
    if (m_parser.isSet(eventSocket)) {
        const QString address = m_parser.value(eventSocket);
        const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
        settings.eventSocketHost = colon > 0 ? address.left(colon) : address;
        if (colon > 0)
            settings.eventSocketPort = address.mid(colon + 1).toInt();
    }
    if (m_parser.isSet(maxConnections))
        settings.maxConnections = m_parser.value(maxConnections).toInt();
    return settings;
}

} // namespace fsd
