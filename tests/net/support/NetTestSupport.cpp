// SPDX-License-Identifier: MPL-2.0
#include "tests/net/support/NetTestSupport.h"

#include <QAbstractSocket>
#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace fsd::test {

QByteArray WireResponse::header(const QByteArray &name) const
{
    for (const auto &[fieldName, value] : headers) {
        if (fieldName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

// Parses the status line and header fields of `head` (which ends before the blank line).
WireResponse parseHead(const QByteArray &head)
{
    WireResponse response;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> statusParts = lines.value(0).trimmed().split(' ');
    response.status = statusParts.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return response;
}

} // namespace

std::optional<WireResponse> readResponse(QAbstractSocket &socket, int timeoutMs, bool headRequest)
{
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype headEnd = -1;
    while (true) {
        const QByteArray buffered = socket.peek(socket.bytesAvailable());
        headEnd = buffered.indexOf("\r\n\r\n");
        if (headEnd >= 0)
            break;
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            return std::nullopt;
        if (deadline.hasExpired())
            return std::nullopt;
        QTest::qWait(2);
    }

    WireResponse response = parseHead(socket.read(headEnd + 4).left(headEnd));
    if ((response.status >= 100 && response.status < 200) || headRequest)
        return response;
    const qint64 length = response.header("Content-Length").toLongLong();
    while (socket.bytesAvailable() < length) {
        if (deadline.hasExpired())
            return std::nullopt;
        if (socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        QTest::qWait(2);
    }
    response.body = socket.read(length);
    return response;
}

bool waitForClose(QAbstractSocket &socket, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (socket.state() != QAbstractSocket::UnconnectedState) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

bool connectLoopback(QAbstractSocket &socket, quint16 port, int timeoutMs)
{
    QSignalSpy connected(&socket, &QAbstractSocket::connected);
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return !connected.isEmpty() || connected.wait(timeoutMs);
}

ProcessResult runProcess(const QString &program, const QStringList &arguments, int timeoutMs,
                         const QByteArray &input)
{
    ProcessResult result;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10'000)) {
        result.standardError = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();

    const QDeadlineTimer deadline(timeoutMs);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(5);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5'000);
        result.standardOutput = process.readAllStandardOutput();
        result.standardError = process.readAllStandardError();
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

bool makeSelfSignedCertificate(const QString &folder, QString *certificateFile, QString *keyFile,
                               QString *error)
{
    *certificateFile = QDir(folder).filePath(QStringLiteral("cert.pem"));
    *keyFile = QDir(folder).filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                   QStringLiteral("-keyout"), *keyFile, QStringLiteral("-out"), *certificateFile});
    if (!openssl.waitForFinished(60'000) || openssl.exitStatus() != QProcess::NormalExit
        || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl req failed: %1 %2")
                     .arg(openssl.errorString(), QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace fsd::test
