// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

class QWebSocket;

// `fsdirector --headless` started by a benchmark on a database seeded by fsd_bench_directory,
// listening on 127.0.0.1 only, with the admin operator bench-load (password bench-password).
class HeadlessFsdirector
{
public:
    ~HeadlessFsdirector();

    // Adds or resets the operator, starts the server with the API on `port` and mod_xml_curl
    // on the next port, and logs in. Returns false and sets `error` on failure.
    bool start(const QString &fsdirector, const QString &database, quint16 port, QString *error);
    void stop();

    QUrl webSocketUrl() const { return m_url; }
    QString token() const { return m_token; }
    // CPU seconds (user and system) that the server process has used so far.
    double cpuSeconds() const;

private:
    bool runToEnd(const QStringList &arguments, const QByteArray &input);

    QString m_fsdirector;
    QTemporaryDir m_folder;
    QStringList m_common;
    QProcess m_server;
    QUrl m_url;
    QString m_token;
};

// Waits for `socket` to connect, running the event loop for at most `timeoutMs`.
bool waitForConnected(QWebSocket &socket, int timeoutMs);
// CPU seconds (user and system) of every thread of this process so far.
double ownCpuSeconds();
// The load averages of /proc/loadavg, such as "1.02 0.98 1.10".
QString loadAverage();
