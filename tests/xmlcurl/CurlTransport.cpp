// SPDX-License-Identifier: MPL-2.0
#include "tests/xmlcurl/CurlTransport.h"

#include <QProcess>

namespace fsd::test {

HttpAnswer CurlTransport::post(const QByteArray &form) const
{
    static const QByteArray StatusMarker("\n@@status ");
    QStringList arguments = {QStringLiteral("--silent"),
                             QStringLiteral("--show-error"),
                             QStringLiteral("--http1.1"),
                             QStringLiteral("--insecure"),
                             QStringLiteral("--max-time"),
                             QStringLiteral("20"),
                             QStringLiteral("--header"),
                             QStringLiteral("Content-Type: application/x-www-form-urlencoded"),
                             QStringLiteral("--header"),
                             QStringLiteral("Expect:"),
                             QStringLiteral("--user-agent"),
                             QStringLiteral("freeswitch-xml/1.0"),
                             QStringLiteral("--data-binary"),
                             QStringLiteral("@-"),
                             QStringLiteral("--write-out"),
                             QString::fromLatin1(StatusMarker) + QStringLiteral("%{http_code}")};
    if (!credentials.isEmpty())
        arguments += {QStringLiteral("--basic"), QStringLiteral("--user"), credentials};
    arguments += extraArguments;
    arguments.append(url);

    QProcess curl;
    curl.start(QStringLiteral("curl"), arguments);
    if (!curl.waitForStarted(10'000))
        return {0, "curl did not start: " + curl.errorString().toUtf8()};
    curl.write(form);
    curl.closeWriteChannel();
    if (!curl.waitForFinished(30'000)) {
        curl.kill();
        curl.waitForFinished();
        return {0, "curl timed out"};
    }
    const QByteArray output = curl.readAllStandardOutput();
    const qsizetype marker = output.lastIndexOf(StatusMarker);
    if (marker < 0)
        return {0, curl.readAllStandardError()};
    return {output.mid(marker + StatusMarker.size()).toInt(), output.left(marker)};
}

} // namespace fsd::test
