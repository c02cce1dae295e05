// SPDX-License-Identifier: MPL-2.0
#include "bench/api/HeadlessFsdirector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QWebSocket>

#include <sys/resource.h>
#include <unistd.h>

bool waitForConnected(QWebSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return socket.state() == QAbstractSocket::ConnectedState;
}

namespace {

// Logs in over a temporary WebSocket and returns the token, or an empty string.
QString login(const QUrl &url)
{
    QWebSocket socket;
    QString token;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString &text) {
        token = QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("token")).toString();
    });
    socket.open(url);
    if (!waitForConnected(socket, 5000))
        return {};
    socket.sendTextMessage(QStringLiteral(R"({"event":"login","data":{"login":"bench-load","password":"bench-password"}})"));
    QElapsedTimer timer;
    timer.start();
    while (token.isEmpty() && timer.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return token;
}

} // namespace

HeadlessFsdirector::~HeadlessFsdirector()
{
    stop();
}

bool HeadlessFsdirector::runToEnd(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(m_fsdirector, m_common + arguments);
    process.write(input);
    process.closeWriteChannel();
    return process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
}

bool HeadlessFsdirector::start(const QString &fsdirector, const QString &database, quint16 port,
                               QString *error)
{
    m_fsdirector = fsdirector;
    m_common = {QStringLiteral("--config"), m_folder.filePath(QStringLiteral("fsdirector.ini")),
                QStringLiteral("--database"), database};

    // The operator: added on the first run, its password reset on later ones.
    const QByteArray password = "bench-password\n";
    if (!runToEnd({QStringLiteral("--add-operator"), QStringLiteral("bench-load"), QStringLiteral("--role"),
                   QStringLiteral("admin")},
                  password)
        && !runToEnd({QStringLiteral("--passwd"), QStringLiteral("bench-load")}, password)) {
        *error = QStringLiteral("cannot add the operator bench-load to ") + database;
        return false;
    }

    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fsdirector.*.info=false"));
    m_server.setProcessEnvironment(environment);
    m_server.start(fsdirector, m_common + QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"),
                                                      QStringLiteral("127.0.0.1:%1").arg(port),
                                                      QStringLiteral("--xml-curl-listen"),
                                                      QStringLiteral("127.0.0.1:%1").arg(port + 1)});
    if (!m_server.waitForStarted()) {
        *error = QStringLiteral("cannot start ") + fsdirector;
        return false;
    }

    m_url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    for (int attempt = 0; attempt < 60 && m_token.isEmpty(); ++attempt) {
        m_token = login(m_url);
        if (m_token.isEmpty())
            QThread::msleep(500);
    }
    if (m_token.isEmpty()) {
        *error = QStringLiteral("cannot log in to ") + m_url.toString();
        stop();
        return false;
    }
    return true;
}

void HeadlessFsdirector::stop()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(30'000))
        m_server.kill();
}

double HeadlessFsdirector::cpuSeconds() const
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_server.processId()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command name, which is in parentheses and may contain spaces.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double ownCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}
