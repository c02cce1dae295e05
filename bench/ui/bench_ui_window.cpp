// SPDX-License-Identifier: MPL-2.0
// Measures the desktop window on a large directory: --domains domains of --users users each,
// filled through the local channel into a fresh SQLite file. Prints the time from creating
// the window to the trees showing every domain, the time to expand one domain, the time for
// filter updates, and the process's peak resident memory.
#include "core/app/DirectoryService.h"
#include "core/events/LocalEventChannel.h"
#include "ui/ApiEvents.h"
#include "ui/DirectoryClient.h"
#include "ui/DirectoryTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/UserFilterProxyModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTreeView>

#include <cstdio>

using namespace fsd;

namespace {

// Sends one request and runs the event loop until its reply arrives.
QJsonObject call(EventChannel &channel, const QJsonObject &request)
{
    QJsonObject reply;
    QEventLoop loop;
    QObject context;
    channel.send(request, &context, [&](const QJsonObject &message) {
        reply = message;
        loop.quit();
    });
    loop.exec();
    return reply;
}

// Runs the event loop until the window received the replies to every request it sent so far.
void waitForWindow(ui::MainWindow &window)
{
    QEventLoop loop;
    window.client()->send(ui::Events::request(ui::Events::GetDomains), &loop,
                          [&loop](const QJsonObject &) { loop.quit(); });
    loop.exec();
    QCoreApplication::processEvents();
}

// Peak resident set size of this process in MiB, from /proc/self/status (Linux).
double peakMemoryMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

bool fill(EventChannel &channel, int domains, int users, QTextStream &out)
{
    QElapsedTimer timer;
    timer.start();
    for (int d = 0; d < domains; ++d) {
        const QJsonObject domain = call(
            channel, ui::Events::request(ui::Events::AddDomain,
                                         QJsonObject{{QStringLiteral("name"),
                                                      QStringLiteral("d%1.example").arg(d)}}));
        if (ui::Events::isError(domain)) {
            out << "adding a domain failed: " << ui::Events::errorText(domain) << Qt::endl;
            return false;
        }
        const qint64 domainId = ui::Events::toId(
            domain.value(QStringLiteral("domains")).toObject().begin().value()[QStringLiteral("id")]);
        for (int first = 0; first < users; first += 100) {
            const QJsonObject added = call(
                channel,
                ui::Events::request(ui::Events::AddUser,
                                    QJsonObject{{QStringLiteral("id"), domainId},
                                                {QStringLiteral("name"),
                                                 QStringLiteral("u%1").arg(100000 + first)},
                                                {QStringLiteral("bulk"), std::min(100, users - first)}}));
            if (ui::Events::isError(added)) {
                out << "adding users failed: " << ui::Events::errorText(added) << Qt::endl;
                return false;
            }
        }
    }
    out << "filled " << domains << " x " << users << " users in " << timer.elapsed() << " ms"
        << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption domainsOption(QStringLiteral("domains"),
                                           QStringLiteral("Domains in the directory."),
                                           QStringLiteral("count"), QStringLiteral("10"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
                                         QStringLiteral("Users per domain."),
                                         QStringLiteral("count"), QStringLiteral("10000"));
    parser.addHelpOption();
    parser.addOption(domainsOption);
    parser.addOption(usersOption);
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir folder;
    DirectoryService::Options options;
    options.database.path = folder.filePath(QStringLiteral("directory.sqlite"));
    auto service = DirectoryService::start(options);
    if (!service) {
        out << "cannot open the database: " << service.error().detail << Qt::endl;
        return 1;
    }
    LocalEventChannel channel((*service)->queue(), (*service)->location());
    const int domains = parser.value(domainsOption).toInt();
    const int users = parser.value(usersOption).toInt();
    if (!fill(channel, domains, users, out))
        return 1;

    // The lists the window loads, round trip through the dispatcher alone, and applied to a
    // model, to split the window's loading time.
    for (QLatin1StringView event : {ui::Events::GetDomains, ui::Events::GetUsers,
                                    ui::Events::GetGateways, ui::Events::GetGroups}) {
        QElapsedTimer phase;
        phase.start();
        const QJsonObject reply = call(channel, ui::Events::request(event));
        const qint64 roundTrip = phase.restart();
        ui::DirectoryTreeModel model;
        model.applyMessage(reply);
        out << event << ": reply " << roundTrip << " ms, applied to an empty tree in "
            << phase.elapsed() << " ms" << Qt::endl;
    }

    // First paint: from creating the window until the Directory tree lists every domain and
    // the window has painted it. The users arrive afterwards; "loaded" is when every list the
    // window requests has been applied.
    QElapsedTimer timer;
    timer.start();
    ui::MainWindow window(&channel);
    window.show();
    QEventLoop domainsShown;
    QObject::connect(window.directoryModel(), &QAbstractItemModel::rowsInserted, &domainsShown,
                     [&]() {
                         if (window.directoryModel()->rowCount() == domains)
                             domainsShown.quit();
                     });
    if (window.directoryModel()->rowCount() < domains)
        domainsShown.exec();
    window.repaint();
    out << "first paint: " << timer.elapsed() << " ms (" << window.directoryModel()->rowCount()
        << " domains)" << Qt::endl;
    waitForWindow(window);
    out << "loaded: " << timer.elapsed() << " ms" << Qt::endl;

    // Expanding the last domain, including the view's layout and a repaint.
    QTreeView *view = window.directoryView();
    const QModelIndex domain = view->model()->index(domains - 1, 0);
    timer.restart();
    view->expand(domain);
    view->scrollTo(domain, QAbstractItemView::PositionAtTop);
    view->repaint();
    out << "expand a domain of " << users << " users: " << timer.elapsed() << " ms ("
        << view->model()->rowCount(domain) << " rows fetched)" << Qt::endl;

    // Filter updates as typed: each keystroke refilters every user of every domain.
    const QStringList keystrokes = {QStringLiteral("u"), QStringLiteral("u1"),
                                    QStringLiteral("u10"), QStringLiteral("u105"),
                                    QStringLiteral("u1050"), QStringLiteral("u10500")};
    for (const QString &text : keystrokes) {
        timer.restart();
        window.filterEdit()->setText(text);
        view->repaint();
        out << "filter \"" << text << "\": " << timer.elapsed() << " ms" << Qt::endl;
    }
    timer.restart();
    window.filterEdit()->clear();
    view->repaint();
    out << "filter cleared: " << timer.elapsed() << " ms" << Qt::endl;

    out << "peak memory: " << QString::number(peakMemoryMiB(), 'f', 1) << " MiB" << Qt::endl;
    return 0;
}
