// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/FreeSwitchConfigPrinter.h"

#include "core/xmlcurl/XmlLineWriter.h"

#include <QFileInfo>

namespace fsd {

namespace {

QString escaped(const QString &value)
{
    QByteArray out;
    XmlLineWriter::appendEscaped(out, value);
    return QString::fromUtf8(out);
}

// The <param> lines of the binding. Facts from FreeSWITCH 1.11.2, mod_xml_curl.c:
// - `bindings` on gateway-url limits the binding to the named sections.
// - gateway-credentials goes to libcurl as "user:password", with auth-scheme basic by default.
// - `timeout` is in seconds.
// - disable-100-continue is on unless set to false, and clears libcurl's "Expect" header.
// - https is not verified unless enable-cacert-check is true.
QString bindingParams(const XmlCurlServerConfig &config, quint16 actualPort)
{
    QString params;
    auto add = [&](const QString &name, const QString &value, const QString &extra = {}) {
        params += QStringLiteral("      <param name=\"%1\" value=\"%2\"%3/>\n")
                      .arg(name, escaped(value), extra);
    };
    add(QStringLiteral("gateway-url"), config.gatewayUrl(actualPort),
        QStringLiteral(" bindings=\"directory\""));
    if (config.credentialsEnabled()) {
        add(QStringLiteral("gateway-credentials"), config.user + QLatin1Char(':') + config.password);
        add(QStringLiteral("auth-scheme"), QStringLiteral("basic"));
    }
    add(QStringLiteral("timeout"), QString::number(RecommendedXmlCurlTimeoutSeconds));
    add(QStringLiteral("disable-100-continue"), QStringLiteral("true"));
    if (config.tlsEnabled()) {
        params += QStringLiteral("      <!-- Verify fsdirector's certificate. Copy %1 to the "
                                 "FreeSWITCH host and adjust the path if it differs. -->\n")
                      .arg(escaped(QFileInfo(config.tlsCertificateFile).fileName()));
        add(QStringLiteral("enable-cacert-check"), QStringLiteral("true"));
        add(QStringLiteral("ssl-cacert-file"), QFileInfo(config.tlsCertificateFile).absoluteFilePath());
        add(QStringLiteral("enable-ssl-verifyhost"), QStringLiteral("true"));
    }
    return params;
}

} // namespace

QString printFreeSwitchConfig(const XmlCurlServerConfig &config, quint16 actualPort)
{
    QString text;
    text += QStringLiteral(
        "# FreeSWITCH settings for the directory that fsdirector serves at\n"
        "# %1\n"
        "\n"
        "# 1. Replace conf/autoload_configs/xml_curl.conf.xml with:\n"
        "\n")
                .arg(config.gatewayUrl(actualPort));
    text += QStringLiteral("<configuration name=\"xml_curl.conf\" description=\"cURL XML Gateway\">\n"
                           "  <bindings>\n"
                           "    <binding name=\"fsdirector\">\n");
    text += bindingParams(config, actualPort);
    text += QStringLiteral("    </binding>\n"
                           "  </bindings>\n"
                           "</configuration>\n");
    if (config.password.contains(QLatin1String("$${"))) {
        text += QStringLiteral("\n# Warning: the password contains \"$${\", which FreeSWITCH "
                               "expands while reading the file. Choose another password.\n");
    }
    text += QStringLiteral(
        "\n"
        "# 2. In conf/autoload_configs/modules.conf.xml, load mod_xml_curl before mod_sofia.\n"
        "#    FreeSWITCH's sample file has this line commented out; it must read:\n"
        "\n"
        "    <load module=\"mod_xml_curl\"/>\n"
        "\n"
        "# 3. After importing the directory into fsdirector, move the static files away, for\n"
        "#    example: mv conf/directory conf/directory.imported\n"
        "#    FreeSWITCH falls back to them whenever fsdirector answers \"not found\", so users\n"
        "#    deleted or disabled in fsdirector would stay valid, and so would the sample users\n"
        "#    with password 1234.\n"
        "\n"
        "# 4. Restart FreeSWITCH, so that mod_xml_curl is loaded when mod_sofia reads its\n"
        "#    gateways.\n");
    return text;
}

} // namespace fsd
