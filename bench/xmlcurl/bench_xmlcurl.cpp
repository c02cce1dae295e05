// SPDX-License-Identifier: MPL-2.0
// Benchmarks of the mod_xml_curl listener. See bench/README.md for the commands and results.
//
//   bench_xmlcurl populate DB [DOMAINS] [USERS_PER_DOMAIN]
//       Writes DOMAINS x USERS_PER_DOMAIN users (default 10 x 10000) into DB, one transaction.
//   bench_xmlcurl serve DB PORT SECONDS
//       Serves DB on 127.0.0.1:PORT for SECONDS, for wrk (bench/xmlcurl/sip_auth.lua).
//   bench_xmlcurl import-latency DB [USERS]
//       Times sip_auth lookups made while this process imports USERS users (default 100000)
//       in one transaction.
//   bench_xmlcurl gateways DB [REPEATS]
//       Times the purpose=gateways whole-directory answer.
#include "core/common/NameRules.h"
#include "core/storage/Database.h"
#include "core/xmlcurl/XmlCurlServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace fsd;

namespace {

qint64 insert(Database &database, const QString &sql, const QVariantList &values)
{
    auto query = database.exec(sql + QStringLiteral(" RETURNING id"), values);
    if (!query || !query->next()) {
        std::fprintf(stderr, "insert failed: %s\n", qPrintable(sql));
        std::exit(1);
    }
    return query->value(0).toLongLong();
}

void addAttribute(Database &database, const char *table, const char *owner, qint64 ownerId,
                  const QString &name, const QString &value)
{
    insert(database,
           QStringLiteral("INSERT INTO %1 (%2, name, name_key, value) VALUES (?, ?, ?, ?)")
               .arg(QLatin1String(table), QLatin1String(owner)),
           {ownerId, name, NameRules::key(name), value});
}

// One domain shaped like FreeSWITCH's sample: a default group that defines every user, users
// with password, vm-password and four variables, one gateway per 1000 users.
void addDomain(Database &database, const QString &name, int users)
{
    const qint64 domain = insert(database,
                                 QStringLiteral("INSERT INTO domains (name, name_key) VALUES (?, ?)"),
                                 {name, NameRules::key(name)});
    addAttribute(database, "domain_params", "domain_id", domain, QStringLiteral("dial-string"),
                 QStringLiteral("{presence_id=${dialed_user}@${dialed_domain}}"
                                "${sofia_contact(*/${dialed_user}@${dialed_domain})}"));
    addAttribute(database, "domain_vars", "domain_id", domain, QStringLiteral("record_stereo"),
                 QStringLiteral("true"));
    const qint64 group = insert(database,
                                QStringLiteral("INSERT INTO directory_groups (domain_id, name, "
                                               "name_key) VALUES (?, 'default', 'default')"),
                                {domain});
    for (int i = 0; i < users; ++i) {
        const QString id = QString::number(100000 + i);
        const qint64 user = insert(database,
                                   QStringLiteral("INSERT INTO users (domain_id, name, name_key) "
                                                  "VALUES (?, ?, ?)"),
                                   {domain, id, id});
        insert(database,
               QStringLiteral("INSERT INTO group_members (group_id, user_id, type) VALUES (?, ?, '')"),
               {group, user});
        addAttribute(database, "user_params", "user_id", user, QStringLiteral("password"),
                     QStringLiteral("pw-") + id);
        addAttribute(database, "user_params", "user_id", user, QStringLiteral("vm-password"), id);
        addAttribute(database, "user_vars", "user_id", user, QStringLiteral("user_context"),
                     QStringLiteral("default"));
        addAttribute(database, "user_vars", "user_id", user,
                     QStringLiteral("effective_caller_id_name"), QStringLiteral("Extension ") + id);
        addAttribute(database, "user_vars", "user_id", user,
                     QStringLiteral("effective_caller_id_number"), id);
        addAttribute(database, "user_vars", "user_id", user, QStringLiteral("accountcode"), id);
        if (i % 1000 == 0) {
            const QString gatewayName = QStringLiteral("gw%1-%2").arg(id, name);
            const qint64 gateway = insert(database,
                                          QStringLiteral("INSERT INTO gateways (user_id, name, "
                                                         "name_key) VALUES (?, ?, ?)"),
                                          {user, gatewayName, NameRules::key(gatewayName)});
            for (const char *param : {"username", "password", "proxy", "register", "context"})
                addAttribute(database, "gateway_params", "gateway_id", gateway,
                             QLatin1String(param), QStringLiteral("value-") + id);
        }
    }
}

std::unique_ptr<Database> openDatabase(const QString &path, const QString &name)
{
    DatabaseOptions options;
    options.path = path;
    auto database = Database::open(options, name);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().detail));
        std::exit(1);
    }
    return std::move(*database);
}

QByteArray sipAuthForm(const QString &user, const QString &domain)
{
    return QStringLiteral("hostname=bench&section=directory&tag_name=domain&key_name=name&"
                          "key_value=%2&Event-Name=REQUEST_PARAMS&Core-UUID=bench&"
                          "action=sip_auth&sip_profile=internal&sip_user_agent=bench&"
                          "sip_auth_username=%1&sip_auth_realm=%2&sip_auth_method=REGISTER&"
                          "key=id&user=%1&domain=%2&ip=127.0.0.1&")
        .arg(user, domain)
        .toUtf8();
}

// One HTTP/1.1 POST on a kept-alive connection; returns the body or an empty array.
QByteArray post(QTcpSocket &socket, const QByteArray &body)
{
    socket.write("POST /freeswitch/directory HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray response;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (true) {
        if (!socket.waitForReadyRead(10'000))
            return {};
        response += socket.readAll();
        if (headerEnd < 0 && (headerEnd = response.indexOf("\r\n\r\n")) >= 0) {
            const qsizetype at = response.toLower().indexOf("content-length:");
            length = response.mid(at + 15, response.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        }
        if (headerEnd >= 0 && response.size() >= headerEnd + 4 + length)
            return response.mid(headerEnd + 4, length);
    }
}

int populate(const QStringList &args)
{
    const int domains = args.size() > 3 ? args[3].toInt() : 10;
    const int users = args.size() > 4 ? args[4].toInt() : 10000;
    auto database = openDatabase(args[2], QStringLiteral("populate"));
    QElapsedTimer timer;
    timer.start();
    const Status written = database->transaction([&]() -> Status {
        for (int d = 1; d <= domains; ++d)
            addDomain(*database, QStringLiteral("d%1.bench").arg(d), users);
        return {};
    });
    std::printf("populated %d domains x %d users in %.1f s: %s\n", domains, users,
                double(timer.elapsed()) / 1000, written ? "ok" : "failed");
    return written ? 0 : 1;
}

int serve(QCoreApplication &app, const QStringList &args)
{
    XmlCurlServerConfig config;
    config.port = quint16(args[3].toUInt());
    DatabaseOptions database;
    database.path = args[2];
    XmlCurlServer server(config, database);
    const Status started = server.start();
    if (!started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().detail));
        return 1;
    }
    std::printf("serving %s for %s s\n", qPrintable(server.gatewayUrl()), qPrintable(args[4]));
    std::fflush(stdout);
    QTimer::singleShot(args[4].toInt() * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}

struct LatencySummary
{
    qsizetype count = 0;
    double p50 = 0, p99 = 0, max = 0;
    int failures = 0;
};

LatencySummary summarize(QList<double> samples, int failures)
{
    LatencySummary summary;
    summary.failures = failures;
    summary.count = samples.size();
    if (samples.isEmpty())
        return summary;
    std::sort(samples.begin(), samples.end());
    summary.p50 = samples[samples.size() / 2];
    summary.p99 = samples[std::min(samples.size() - 1, samples.size() * 99 / 100)];
    summary.max = samples.last();
    return summary;
}

int importLatency(const QStringList &args)
{
    const int users = args.size() > 3 ? args[3].toInt() : 100000;
    auto database = openDatabase(args[2], QStringLiteral("importer"));
    XmlCurlServerConfig config;
    config.port = 0;
    DatabaseOptions options;
    options.path = args[2];
    XmlCurlServer server(config, options);
    if (!server.start())
        return 1;

    // A FreeSWITCH stand-in on its own thread: sip_auth lookups back to back.
    std::atomic<bool> importing{true};
    QList<double> samples;
    int failures = 0;
    const quint16 port = server.port();
    std::thread client([&]() {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected();
        QElapsedTimer timer;
        for (int i = 0; importing; ++i) {
            const QString user = QString::number(100000 + (i * 7919) % 10000);
            timer.start();
            const QByteArray body = post(socket, sipAuthForm(user, QStringLiteral("d1.bench")));
            samples.append(double(timer.nsecsElapsed()) / 1e6);
            if (!body.contains("name=\"password\""))
                ++failures;
        }
    });

    QElapsedTimer timer;
    timer.start();
    const Status written = database->transaction([&]() -> Status {
        addDomain(*database, QStringLiteral("import-%1.bench").arg(QDateTime::currentMSecsSinceEpoch()),
                  users);
        return {};
    });
    const double importSeconds = double(timer.elapsed()) / 1000;
    importing = false;
    client.join();

    const LatencySummary summary = summarize(samples, failures);
    std::printf("import of %d users: %.1f s (%s)\n", users, importSeconds,
                written ? "committed" : "failed");
    std::printf("sip_auth lookups during the import: %lld, wrong answers %d, "
                "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                qint64(summary.count), summary.failures, summary.p50, summary.p99, summary.max);
    return summary.failures == 0 && written ? 0 : 1;
}

int gateways(const QStringList &args)
{
    const int repeats = args.size() > 3 ? args[3].toInt() : 20;
    XmlCurlServerConfig config;
    config.port = 0;
    DatabaseOptions options;
    options.path = args[2];
    XmlCurlServer server(config, options);
    if (!server.start())
        return 1;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    socket.waitForConnected();
    const QByteArray form("hostname=bench&section=directory&tag_name=&key_name=&key_value=&"
                          "Event-Name=REQUEST_PARAMS&purpose=gateways&profile=external&");
    QList<double> samples;
    qsizetype bytes = 0;
    QElapsedTimer timer;
    for (int i = 0; i < repeats; ++i) {
        timer.start();
        bytes = post(socket, form).size();
        samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    const LatencySummary summary = summarize(samples, 0);
    std::printf("purpose=gateways, %lld bytes: %lld answers, p50 %.2f ms, max %.2f ms\n",
                qint64(bytes), qint64(summary.count), summary.p50, summary.max);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("populate") && args.size() >= 3)
        return populate(args);
    if (mode == QLatin1String("serve") && args.size() >= 5)
        return serve(app, args);
    if (mode == QLatin1String("import-latency") && args.size() >= 3)
        return importLatency(args);
    if (mode == QLatin1String("gateways") && args.size() >= 3)
        return gateways(args);
    std::fprintf(stderr, "usage: bench_xmlcurl populate DB [DOMAINS] [USERS_PER_DOMAIN]\n"
                         "       bench_xmlcurl serve DB PORT SECONDS\n"
                         "       bench_xmlcurl import-latency DB [USERS]\n"
                         "       bench_xmlcurl gateways DB [REPEATS]\n");
    return 2;
}
