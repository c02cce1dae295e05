// SPDX-License-Identifier: MPL-2.0
// Load test of the WebSocket API. It starts fsdirector --headless on a database seeded by
// fsd_bench_directory and opens --clients WebSocket clients on 127.0.0.1 in this process. Each
// client sends --rate requests per second for --seconds seconds: 80 % "[Users] Get_user_details"
// for random users, and 20 % changes that cycle through adding, updating and deleting a
// parameter of a random user. All clients share one operator token, so every change is pushed
// to every other client, as the API does for bound clients. The program prints the latency
// percentiles of the replies, the errors and the pushes received, then stops the server.
//
// Latency runs from the moment a request is written to the socket until its reply arrives.
// The lateness of the client timers is printed separately, so a busy client process shows.

#include "bench/api/HeadlessFsdirector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>


#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

namespace {

struct Settings
{
    QString fsdirector;
    QString database;
    int clients = 100;
    int rate = 20;
    int seconds = 60;
    quint16 port = 18291;
    qint64 users = 0;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Counters that every client adds to.
struct Totals
{
    qint64 sent = 0;
    qint64 replies = 0;
    qint64 errors = 0;
    qint64 pushes = 0;
    qint64 disconnects = 0;
    std::vector<qint64> latenciesNs;
    std::vector<qint64> timerLatenessNs;
    QStringList firstErrors;

    // Counts `count` errors and keeps the first few messages for the summary.
    void recordError(const QString &what, qint64 count = 1)
    {
        errors += count;
        if (firstErrors.size() < 5)
            firstErrors.append(what.left(300));
    }
};

// One WebSocket client with a fixed request rate.
class LoadClient : public QObject
{
public:
    LoadClient(int index, const Settings &settings, const QString &token, Totals &totals,
               const QElapsedTimer &clock)
        : m_index(index)
        , m_settings(settings)
        , m_token(token)
        , m_totals(totals)
        , m_clock(clock)
        , m_random(quint32(1000 + index))
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, &LoadClient::receive);
        connect(&m_socket, &QWebSocket::disconnected, this, [this]() {
            if (m_running) {
                ++m_totals.disconnects;
                m_totals.recordError(QStringLiteral("client %1 disconnected: %2").arg(m_index).arg(m_socket.errorString()));
            }
        });
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &LoadClient::tick);
    }

    QWebSocket &socket() { return m_socket; }
    qint64 pending() const { return qint64(m_sentAt.size()); }

    // Starts the fixed-rate timer after a random part of one period. Every request carries the
    // token, so the first one binds this client for pushes.
    void start()
    {
        m_running = true;
        const int periodMs = 1000 / m_settings.rate;
        QTimer::singleShot(int(m_random.bounded(periodMs)), this, [this, periodMs]() {
            m_nextDueNs = m_clock.nsecsElapsed();
            m_timer.start(periodMs);
            tick();
        });
    }

    void stop()
    {
        m_timer.stop();
    }

    void finish() { m_running = false; }

private:
    void tick()
    {
        // The lateness of this tick against the schedule, which grows when this process is busy.
        const qint64 now = m_clock.nsecsElapsed();
        m_totals.timerLatenessNs.push_back(std::max<qint64>(0, now - m_nextDueNs));
        m_nextDueNs += 1'000'000'000 / m_settings.rate;

        // An update or delete needs the id from the add's reply; until it arrives, read instead.
        const bool change = m_random.bounded(100) < 20;
        send(change && !m_waitingForAdd ? nextChange() : details());
    }

    QJsonObject details()
    {
        return request(QStringLiteral("[Users] Get_user_details"),
                       {{QStringLiteral("id"), randomUser()}});
    }

    // Cycles through add, update and delete of one parameter of a random user.
    QJsonObject nextChange()
    {
        switch (m_step) {
        case Step::Add:
            ++m_names;
            m_step = Step::Update;
            m_waitingForAdd = true;
            return request(QStringLiteral("[Users] Add_user_param"),
                           {{QStringLiteral("id"), randomUser()}, {QStringLiteral("name"), parameterName()},
                            {QStringLiteral("value"), QStringLiteral("added")}});
        case Step::Update:
            m_step = Step::Delete;
            return request(QStringLiteral("[Users] Update_user_param"),
                           {{QStringLiteral("id"), m_paramId}, {QStringLiteral("name"), parameterName()},
                            {QStringLiteral("value"), QStringLiteral("updated")}});
        case Step::Delete:
            break;
        }
        m_step = Step::Add;
        return request(QStringLiteral("[Users] Del_user_param"), {{QStringLiteral("id"), m_paramId}});
    }

    // Unique per run, client and added parameter.
    QString parameterName() const
    {
        return QStringLiteral("bench-load-%1-%2-%3").arg(m_runId).arg(m_index).arg(m_names);
    }

    qint64 randomUser() { return qint64(m_random.bounded(quint64(m_settings.users))) + 1; }

    QJsonObject request(const QString &event, QJsonObject data)
    {
        data.insert(QStringLiteral("token"), m_token);
        return {{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
    }

    void send(QJsonObject message)
    {
        const qint64 requestId = ++m_nextRequestId;
        message.insert(QStringLiteral("request_id"), requestId);
        m_sentAt.emplace(requestId, m_clock.nsecsElapsed());
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
        m_socket.flush();
        ++m_totals.sent;
    }

    void receive(const QString &text)
    {
        const qint64 now = m_clock.nsecsElapsed();
        // Pushes are only counted: parsing tens of thousands per second would load this process.
        if (text.contains(QLatin1String("\"push\":true"))) {
            ++m_totals.pushes;
            return;
        }
        const qsizetype at = text.indexOf(QLatin1String("\"request_id\":"));
        if (at < 0) {
            m_totals.recordError(QStringLiteral("reply without request_id: ") + text);
            return;
        }
        qsizetype end = at + 13;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        const qint64 requestId = QStringView(text).sliced(at + 13, end - at - 13).toLongLong();
        const auto sent = m_sentAt.find(requestId);
        if (sent == m_sentAt.end()) {
            m_totals.recordError(QStringLiteral("reply to an unknown request: ") + text);
            return;
        }
        m_totals.latenciesNs.push_back(now - sent->second);
        m_sentAt.erase(sent);
        ++m_totals.replies;

        if (text.contains(QLatin1String("\"error\":"))) {
            m_totals.recordError(text);
            if (m_waitingForAdd && text.contains(QLatin1String("Add_user_param"))) {
                m_waitingForAdd = false;
                m_step = Step::Add;
            }
            return;
        }
        if (m_waitingForAdd && text.contains(QLatin1String("\"MessageType\":\"[Users] Add_user_param\"")))
            takeAddedId(text);
    }

    void takeAddedId(const QString &text)
    {
        m_waitingForAdd = false;
        const QJsonObject reply = QJsonDocument::fromJson(text.toUtf8()).object();
        const QJsonObject owners = reply.value(QStringLiteral("user_details")).toObject();
        const QJsonObject parameters = owners.begin()->toObject().value(QStringLiteral("parameters")).toObject();
        m_paramId = parameters.keys().value(0).toLongLong();
        if (m_paramId == 0) {
            m_totals.recordError(QStringLiteral("no parameter id in the reply: ") + text);
            m_step = Step::Add;
        }
    }

    enum class Step { Add, Update, Delete };

    int m_index;
    const Settings &m_settings;
    QString m_token;
    Totals &m_totals;
    const QElapsedTimer &m_clock;
    QRandomGenerator m_random;
    QWebSocket m_socket;
    QTimer m_timer;
    bool m_running = false;
    qint64 m_nextDueNs = 0;
    qint64 m_nextRequestId = 0;
    std::map<qint64, qint64> m_sentAt;
    // Makes parameter names unique across runs on the same database.
    const qint64 m_runId = QDateTime::currentMSecsSinceEpoch();
    qint64 m_paramId = 0;
    Step m_step = Step::Add;
    int m_names = 0;
    bool m_waitingForAdd = false;
};

double percentileMs(std::vector<qint64> &values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(fraction * double(values.size())));
    return double(values[index]) / 1e6;
}

int run(Settings &settings)
{
    HeadlessFsdirector server;
    QString error;
    if (!server.start(settings.fsdirector, settings.database, settings.port, &error)) {
        out() << error << Qt::endl;
        return 1;
    }
    const QUrl url = server.webSocketUrl();
    const QString token = server.token();

    Totals totals;
    totals.latenciesNs.reserve(size_t(settings.clients) * size_t(settings.rate) * size_t(settings.seconds));
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<LoadClient>> clients;
    for (int i = 0; i < settings.clients; ++i) {
        clients.push_back(std::make_unique<LoadClient>(i, settings, token, totals, clock));
        clients.back()->socket().open(url);
    }
    for (const auto &client : clients) {
        if (!waitForConnected(client->socket(), 10'000)) {
            out() << "a client could not connect to " << url.toString() << Qt::endl;
            return 1;
        }
    }

    out() << "load: " << settings.clients << " clients x " << settings.rate << " requests/s for "
          << settings.seconds << " s against " << url.toString() << ", " << settings.users
          << " users, load average " << loadAverage() << Qt::endl;
    const double serverCpuStart = server.cpuSeconds();
    const double clientCpuStart = ownCpuSeconds();
    QElapsedTimer measuring;
    measuring.start();
    for (const auto &client : clients)
        client->start();

    // Progress every 10 s, then stop sending and wait up to 5 s for the last replies.
    QEventLoop loop;
    QTimer progress;
    QObject::connect(&progress, &QTimer::timeout, &loop, [&]() {
        out() << "  " << measuring.elapsed() / 1000 << " s: " << totals.sent << " sent, " << totals.replies
              << " replies, " << totals.errors << " errors, " << totals.pushes << " pushes, load average "
              << loadAverage() << Qt::endl;
    });
    progress.start(10'000);
    QTimer::singleShot(settings.seconds * 1000, &loop, [&]() {
        for (const auto &client : clients)
            client->stop();
        progress.stop();
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    });
    loop.exec();
    const double seconds = measuring.nsecsElapsed() / 1e9;
    const double serverCpu = server.cpuSeconds() - serverCpuStart;
    const double clientCpu = ownCpuSeconds() - clientCpuStart;

    qint64 unanswered = 0;
    for (const auto &client : clients) {
        unanswered += client->pending();
        client->finish();
    }
    if (unanswered > 0)
        totals.recordError(QStringLiteral("%1 requests got no reply within 5 s after the last one was sent").arg(unanswered), unanswered);

    out() << "sent " << totals.sent << " requests in " << settings.seconds << " s (" << qRound(totals.sent / double(settings.seconds))
          << "/s), " << totals.replies << " replies, " << totals.errors << " errors (" << unanswered << " unanswered, "
          << totals.disconnects << " disconnects), " << totals.pushes << " pushes received" << Qt::endl;
    out() << QStringLiteral("latency: p50 %1 ms, p90 %2 ms, p99 %3 ms, p99.9 %4 ms, max %5 ms")
                 .arg(percentileMs(totals.latenciesNs, 0.50), 0, 'f', 2)
                 .arg(percentileMs(totals.latenciesNs, 0.90), 0, 'f', 2)
                 .arg(percentileMs(totals.latenciesNs, 0.99), 0, 'f', 2)
                 .arg(percentileMs(totals.latenciesNs, 0.999), 0, 'f', 2)
                 .arg(percentileMs(totals.latenciesNs, 1.0), 0, 'f', 2)
          << Qt::endl;
    out() << QStringLiteral("client timer lateness: p99 %1 ms, max %2 ms; CPU over %3 s: server %4 s, clients %5 s; "
                            "load average %6")
                 .arg(percentileMs(totals.timerLatenessNs, 0.99), 0, 'f', 2)
                 .arg(percentileMs(totals.timerLatenessNs, 1.0), 0, 'f', 2)
                 .arg(seconds, 0, 'f', 1)
                 .arg(serverCpu, 0, 'f', 1)
                 .arg(clientCpu, 0, 'f', 1)
                 .arg(loadAverage())
          << Qt::endl;
    for (const QString &error : std::as_const(totals.firstErrors))
        out() << "error: " << error << Qt::endl;

    clients.clear();
    server.stop();
    return totals.errors == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load test of the fsdirector WebSocket API with many clients."));
    parser.addHelpOption();
    const QCommandLineOption fsdirector(QStringLiteral("fsdirector"), QStringLiteral("The fsdirector executable to start."),
                                        QStringLiteral("path"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("SQLite file seeded by fsd_bench_directory; user ids 1 to its user count."),
                                      QStringLiteral("path"));
    const QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("WebSocket clients (default 100)."),
                                     QStringLiteral("count"), QStringLiteral("100"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Requests per second of each client (default 20)."),
                                  QStringLiteral("count"), QStringLiteral("20"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Length of the measurement in seconds (default 60)."),
                                     QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port of the API on 127.0.0.1 (default 18291); mod_xml_curl gets the next one."),
                                  QStringLiteral("port"), QStringLiteral("18291"));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Users in the database (default 100000)."),
                                   QStringLiteral("count"), QStringLiteral("100000"));
    parser.addOptions({fsdirector, database, clients, rate, seconds, port, users});
    parser.process(app);
    if (!parser.isSet(fsdirector) || !parser.isSet(database)) {
        out() << "--fsdirector and --database are required; see --help." << Qt::endl;
        return 2;
    }

    Settings settings;
    settings.fsdirector = parser.value(fsdirector);
    settings.database = parser.value(database);
    settings.clients = parser.value(clients).toInt();
    settings.rate = std::max(1, parser.value(rate).toInt());
    settings.seconds = parser.value(seconds).toInt();
    settings.port = quint16(parser.value(port).toUInt());
    settings.users = parser.value(users).toLongLong();
    return run(settings);
}
