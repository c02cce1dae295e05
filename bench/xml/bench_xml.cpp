// SPDX-License-Identifier: MPL-2.0
// Measures the XML import and export of a generated directory.
//
// Usage:
//   bench_xml import USERS   generate USERS users, import them into a new SQLite file
//   bench_xml export USERS   import USERS users, then time loading and writing them
//
// Each user has 3 parameters, 8 variables and one membership (its definition in group
// "default"). Prints wall-clock and CPU times and the process's peak resident memory.
#include "core/storage/Database.h"
#include "core/storage/DirectoryImporter.h"
#include "core/storage/DirectoryLoader.h"
#include "core/xml/DirectoryReader.h"
#include "core/xml/DirectoryWriter.h"
#include "core/xml/ImportSource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace fsd;

namespace {

QByteArray generateDirectory(int users)
{
    QByteArray xml;
    xml.reserve(qsizetype(users) * 900);
    xml += "<include>\n  <domain name=\"bench.example.com\">\n    <groups>\n"
           "      <group name=\"default\">\n        <users>\n";
    for (int i = 0; i < users; ++i) {
        const QByteArray id = QByteArray::number(100000 + i);
        xml += "          <user id=\"" + id + "\">\n            <params>\n";
        xml += "              <param name=\"password\" value=\"pw-" + id + "\"/>\n";
        xml += "              <param name=\"vm-password\" value=\"" + id + "\"/>\n";
        xml += "              <param name=\"dial-string\" value=\"{presence_id=${dialed_user}}\"/>\n";
        xml += "            </params>\n            <variables>\n";
        const char *names[] = {"toll_allow", "accountcode", "user_context",
                               "effective_caller_id_name", "effective_caller_id_number",
                               "outbound_caller_id_name", "outbound_caller_id_number", "callgroup"};
        for (const char *name : names) {
            xml += "              <variable name=\"" + QByteArray(name) + "\" value=\"value-" + id
                   + "\"/>\n";
        }
        xml += "            </variables>\n          </user>\n";
    }
    xml += "        </users>\n      </group>\n    </groups>\n  </domain>\n</include>\n";
    return xml;
}

long peakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// User plus system CPU time of the process so far, which other load on the machine affects
// less than wall-clock time.
qint64 cpuMilliseconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

int fail(const ApiError &error)
{
    QTextStream(stderr) << "bench_xml: " << error.error << ": " << error.detail << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3 || (arguments[1] != QLatin1String("import")
                                  && arguments[1] != QLatin1String("export"))) {
        QTextStream(stderr) << "usage: bench_xml import|export USERS" << Qt::endl;
        return 2;
    }
    const int users = arguments[2].toInt();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("directory.xml"));
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        out.write(generateDirectory(users));
    }
    DatabaseOptions options;
    options.path = dir.filePath(QStringLiteral("bench.sqlite"));
    auto database = Database::open(options, QStringLiteral("bench"));
    if (!database)
        return fail(database.error());

    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuStart = cpuMilliseconds();
    auto text = xml::ImportSource::preprocessPath(file, {});
    if (!text)
        return fail(text.error());
    const qint64 preprocessed = timer.elapsed();
    model::ImportReport report;
    xml::DirectoryReader reader(*text, report);
    auto tree = reader.readDirectory();
    if (!tree)
        return fail(tree.error());
    const qint64 read = timer.elapsed();
    auto ids = DirectoryImporter(**database).importTree(*tree, {}, report);
    if (!ids)
        return fail(ids.error());
    const qint64 imported = timer.elapsed();
    out << "import " << users << " users: " << imported << " ms (preprocess " << preprocessed
        << " ms, read " << read - preprocessed << " ms, store " << imported - read
        << " ms), CPU " << cpuMilliseconds() - cpuStart << " ms, peak RSS " << peakMegabytes()
        << " MB" << Qt::endl;

    if (arguments[1] == QLatin1String("export")) {
        tree = model::DirectoryTree();
        text = xml::PreprocessedText();
        timer.restart();
        const qint64 exportCpuStart = cpuMilliseconds();
        auto loaded = DirectoryLoader(**database).load();
        if (!loaded)
            return fail(loaded.error());
        const qint64 loadedAt = timer.elapsed();
        const QByteArray document =
            xml::DirectoryWriter(xml::DirectoryWriter::Mode::FreeSwitch).writeDocument(*loaded);
        const qint64 written = timer.elapsed();
        out << "export " << users << " users: " << written << " ms (load " << loadedAt
            << " ms, write " << written - loadedAt << " ms, " << document.size() / 1024
            << " KiB), CPU " << cpuMilliseconds() - exportCpuStart << " ms" << Qt::endl;
    }
    return 0;
}
