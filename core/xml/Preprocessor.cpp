// SPDX-License-Identifier: MPL-2.0
#include "core/xml/Preprocessor.h"

#include "core/xml/XmlLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <glob.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace fsd::xml {

namespace {

const QString CantParse = QStringLiteral("can't parse");

// FreeSWITCH's preprocess() gives up below this include depth.
constexpr int MaxIncludeDepth = 100;

// Characters in UTF-8 bytes: every byte that is not a continuation byte starts one.
qint64 characterCount(QByteArrayView bytes)
{
    qint64 count = 0;
    for (char byte : bytes) {
        if ((uchar(byte) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

// `needle` must start with an ASCII letter.
qsizetype indexOfCaseInsensitive(QByteArrayView haystack, QByteArrayView needle,
                                 qsizetype from = 0)
{
    const char first = char(needle.front() | 0x20);
    const char *data = haystack.data();
    for (qsizetype i = from; i + needle.size() <= haystack.size(); ++i) {
        if (char(data[i] | 0x20) == first
            && qstrnicmp(data + i, needle.size(), needle.data(), needle.size()) == 0)
            return i;
    }
    return -1;
}

// switch_find_end_paren: the '}' that closes the '{' at `open`, counting nested braces.
qsizetype findClosingBrace(const QByteArray &text, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        if (text[i] == '{') {
            ++depth;
        } else if (text[i] == '}') {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

// Splits "name = value" at the first '=' as FreeSWITCH's set does, removing the spaces just
// before and just after the '='. Returns false without '='.
bool splitAssignment(const QByteArray &data, QByteArray &name, QByteArray &value)
{
    const qsizetype equals = data.indexOf('=');
    if (equals < 0)
        return false;
    name = data.left(equals);
    while (name.endsWith(' '))
        name.chop(1);
    value = data.mid(equals + 1);
    qsizetype start = 0;
    while (start < value.size() && value[start] == ' ')
        ++start;
    value = value.mid(start);
    return true;
}

// The value of the next `key="..."` after `from`, found the way preprocess() finds it: the
// key anywhere (any case), then the next '=', then the next '"'. Sets `end` past the closing
// quote, or to -1 when the value runs to the end of the text.
bool findQuotedValue(const QByteArray &text, QByteArrayView key, qsizetype from,
                     QByteArray &value, qsizetype &end)
{
    const qsizetype keyAt = indexOfCaseInsensitive(text, key, from);
    if (keyAt < 0)
        return false;
    const qsizetype equals = text.indexOf('=', keyAt);
    if (equals < 0)
        return false;
    const qsizetype quote = text.indexOf('"', equals);
    if (quote < 0)
        return false;
    const qsizetype close = text.indexOf('"', quote + 1);
    value = close < 0 ? text.mid(quote + 1) : text.mid(quote + 1, close - quote - 1);
    end = close < 0 ? -1 : close + 1;
    return true;
}

// Byte offset of the first invalid UTF-8 sequence, or -1. Rejects overlong forms, surrogates
// and code points above U+10FFFF, as a strict decoder does.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const uchar lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uint minimum = 0;
        uint codePoint = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            minimum = 0x80;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            minimum = 0x800;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            minimum = 0x10000;
            codePoint = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (data[i + k] & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF
            || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

// The errno of the last glob() error; glob's callback has no user data pointer.
thread_local int globErrno = 0;

int recordGlobError(const char *, int error)
{
    globErrno = error;
    return 0;
}

} // namespace

Preprocessor::Preprocessor(PreprocessOptions options) : m_options(std::move(options))
{
    for (const auto &[name, value] : std::as_const(m_options.supplied))
        m_result.variables.supply(name.toUtf8(), value.toUtf8());
}

QString Preprocessor::displayName(const QString &path) const
{
    if (m_options.baseFolder.isEmpty())
        return path;
    const QString relative = QDir(m_options.baseFolder).relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

model::SourceLocation Preprocessor::location(const Line &line, qint64 column) const
{
    return model::SourceLocation{m_result.map.files().value(line.file), line.number, column + 1};
}

Status Preprocessor::addFile(const QString &path)
{
    return readFile(QFileInfo(path).absoluteFilePath(), 0);
}

Status Preprocessor::addGlob(const QByteArray &pattern, const QString &folder)
{
    return include(pattern, Line{-1, 0, QFileInfo(folder).absoluteFilePath(), 0}, 0);
}

Status Preprocessor::addText(const QByteArray &text, const QString &label)
{
    const int file = m_result.map.addFile(label);
    m_result.sources.append(label);
    return processBytes(text, file, QString(), 0);
}

Status Preprocessor::processBytes(const QByteArray &bytes, int file, const QString &cwd,
                                  int depth)
{
    // switch_fp_read_dline: a line ends after '\r' or after '\n', so "\r\n" gives two lines to
    // FreeSWITCH. `number` counts lines as an editor does.
    Line line{file, 1, cwd, depth};
    bool inCommentDirective = false;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = start;
        while (end < bytes.size() && bytes[end] != '\r' && bytes[end] != '\n')
            ++end;
        if (end < bytes.size())
            ++end;
        Status processed = processLine(bytes.mid(start, end - start), line, inCommentDirective);
        if (!processed)
            return processed;
        const char last = bytes[end - 1];
        if (last == '\n' || (last == '\r' && (end >= bytes.size() || bytes[end] != '\n')))
            ++line.number;
        start = end;
    }
    return {};
}

Preprocessor::Expanded Preprocessor::expand(const QByteArray &raw, const Line &line)
{
    Expanded result;
    result.checked = raw;
    if (!raw.contains("$${")) {
        result.text = raw;
        return result;
    }

    bool cut = false;
    qsizetype i = 0;
    result.text.reserve(raw.size());
    while (i < raw.size()) {
        if (raw[i] == '$' && raw.mid(i, 3) == "$${") {
            const qsizetype close = findClosingBrace(raw, i + 2);
            if (close >= 0) {
                const QByteArray name = raw.mid(i + 3, close - i - 3);
                if (!cut) {
                    result.checked = raw.left(close);
                    cut = true;
                }
                if (m_result.variables.isDefined(name)) {
                    const QByteArray value = m_result.variables.value(name);
                    result.text.append(value);
                    if (value.isEmpty())
                        result.emptied.append(name);
                } else {
                    result.emptied.append(name);
                    if (m_options.keepUndefined)
                        result.text.append(raw.mid(i, close + 1 - i));
                    if (!m_reportedUndefined.contains(name)) {
                        m_reportedUndefined.insert(name);
                        m_result.undefinedNames.append(name);
                        m_result.notes.append(model::ReportItem{
                            m_options.keepUndefined
                                ? QStringLiteral("$${%1} is not defined in the text and stays "
                                                 "as written; the FreeSWITCH that loads the "
                                                 "directory expands it.")
                                      .arg(QString::fromUtf8(name))
                                : QStringLiteral("$${%1} is not defined and expands to "
                                                 "nothing, as in FreeSWITCH (%2).")
                                      .arg(QString::fromUtf8(name),
                                           m_result.variables.explain(name)),
                            location(line, characterCount(QByteArrayView(raw).first(i)))});
                    }
                }
                i = close + 1;
                continue;
            }
            m_result.warnings.append(model::ReportItem{
                QStringLiteral("\"$${\" without a closing '}' stays as written."),
                location(line, characterCount(QByteArrayView(raw).first(i)))});
        }
        result.text.append(raw[i]);
        ++i;
    }
    return result;
}

Status Preprocessor::processLine(const QByteArray &raw, const Line &line,
                                 bool &inCommentDirective)
{
    const Expanded expanded = expand(raw, line);

    // FreeSWITCH drops these lines for the sake of XML validators.
    if (expanded.checked.contains("<include>") || expanded.checked.contains("</include>")
        || expanded.checked.contains("<?"))
        return {};

    QByteArray text = expanded.text;
    qint64 column = 0;
    if (inCommentDirective) {
        // The rest after "-->" comes from the raw line, unexpanded, as in FreeSWITCH.
        const qsizetype end = expanded.checked.indexOf("-->");
        if (end < 0)
            return {};
        inCommentDirective = false;
        text = expanded.checked.mid(end + 3);
        column = characterCount(QByteArrayView(expanded.checked).first(end + 3));
    }

    if (!expanded.emptied.isEmpty()) {
        QList<QByteArray> &emptied = m_result.emptyExpansions[m_outLine];
        emptied.append(expanded.emptied);
    }
    const QByteArray emptiedBy = expanded.emptied.value(0);

    const qsizetype tag = indexOfCaseInsensitive(text, "X-pre-process");
    if (tag >= 0) {
        // Only "<X-PRE-PROCESS" is a directive, but FreeSWITCH drops the line either way.
        if (tag == 0 || text[tag - 1] != '<')
            return {};
        QByteArray directive = text.mid(tag);
        const qsizetype close = directive.indexOf("/>");
        if (close >= 0)
            directive.truncate(close + 2);
        QByteArray command;
        QByteArray data;
        qsizetype end = 0;
        if (!findQuotedValue(directive, "cmd", 0, command, end) || end < 0)
            return {};
        if (!findQuotedValue(directive, "data", end, data, end))
            return {};
        return runDirective(command, data, line,
                            column + characterCount(QByteArrayView(text).first(tag - 1)),
                            emptiedBy);
    }

    const qsizetype comment = text.indexOf("<!--#");
    if (comment >= 0) {
        appendOutput(text.left(comment), line, column);
        QByteArray command = text.mid(comment + 5);
        const qsizetype end = text.indexOf("-->", comment);
        if (end >= 0) {
            appendOutput(text.mid(end + 3), line, column + characterCount(text.left(end + 3)));
            command = text.mid(comment + 5, end - comment - 5);
        } else {
            inCommentDirective = true;
        }
        const qsizetype lineEnd = std::min(command.indexOf('\r') < 0 ? command.size()
                                                                     : command.indexOf('\r'),
                                           command.indexOf('\n') < 0 ? command.size()
                                                                     : command.indexOf('\n'));
        command.truncate(lineEnd);
        const qsizetype space = command.indexOf(' ');
        if (space < 0)
            return {};
        QByteArray argument = command.mid(space + 1);
        command.truncate(space);
        const qsizetype quote = argument.indexOf('"');
        if (quote >= 0) {
            const qsizetype closing = argument.indexOf('"', quote + 1);
            if (closing >= 0)
                argument = argument.mid(quote + 1, closing - quote - 1);
        }
        if (command.compare("env-set", Qt::CaseInsensitive) == 0)
            return {};
        return runDirective(command, argument, line,
                            column + characterCount(text.left(comment)), emptiedBy);
    }

    appendOutput(text, line, column);
    return {};
}

Status Preprocessor::runDirective(const QByteArray &command, const QByteArray &data,
                                  const Line &line, qint64 column, const QByteArray &emptiedBy)
{
    if (command.compare("set", Qt::CaseInsensitive) == 0) {
        setVariable(data, line, column, emptiedBy);
        return {};
    }
    if (command.compare("include", Qt::CaseInsensitive) == 0)
        return include(data, line, column);
    if (command.compare("exec-set", Qt::CaseInsensitive) == 0
        || command.compare("stun-set", Qt::CaseInsensitive) == 0
        || command.compare("env-set", Qt::CaseInsensitive) == 0
        || command.compare("exec", Qt::CaseInsensitive) == 0) {
        noteSkipped(command.toLower(), data, line, column);
    }
    return {};
}

void Preprocessor::setVariable(const QByteArray &data, const Line &line, qint64 column,
                               const QByteArray &emptiedBy)
{
    QByteArray name;
    QByteArray value;
    if (!splitAssignment(data, name, value))
        return;
    if (m_result.variables.isSupplied(name)) {
        m_result.notes.append(model::ReportItem{
            QStringLiteral("The set of %1 is ignored because its value was supplied.")
                .arg(QString::fromUtf8(name)),
            location(line, column)});
        return;
    }
    m_result.variables.set(name, value, location(line, column),
                           value.isEmpty() ? emptiedBy : QByteArray());
}

void Preprocessor::noteSkipped(const QByteArray &command, const QByteArray &data,
                               const Line &line, qint64 column)
{
    const model::SourceLocation where = location(line, column);
    if (command == "exec") {
        m_result.notes.append(model::ReportItem{
            QStringLiteral("exec \"%1\" is not run: an import runs no command, so its output is "
                           "missing.")
                .arg(QString::fromUtf8(data)),
            where});
        return;
    }
    QByteArray name;
    QByteArray value;
    if (command == "env-set") {
        const qsizetype equals = data.indexOf('=');
        if (equals < 0)
            return;
        name = data.left(equals);
    } else if (!splitAssignment(data, name, value)) {
        return;
    }
    if (m_result.variables.isSupplied(name)) {
        m_result.notes.append(model::ReportItem{
            QStringLiteral("%1 of %2 is ignored because its value was supplied.")
                .arg(QString::fromLatin1(command), QString::fromUtf8(name)),
            where});
        return;
    }
    m_result.variables.noteSkipped(name, QString::fromLatin1(command), where);
    m_result.notes.append(model::ReportItem{
        QStringLiteral("%1 of %2 is not run: an import runs no command and sends no packet, so "
                       "%2 stays undefined unless you set it with --set %2=VALUE.")
            .arg(QString::fromLatin1(command), QString::fromUtf8(name)),
        where});
}

Status Preprocessor::include(const QByteArray &pattern, const Line &line, qint64 column)
{
    if (!m_options.allowIncludes) {
        return ApiError::make(
            CantParse,
            QStringLiteral("%1: the text includes \"%2\", but the server cannot read the "
                           "sender's files. Paste the included content instead, or import the "
                           "files with fsdirector --import-xml.")
                .arg(describeLocation(location(line, column)), QString::fromUtf8(pattern)));
    }
    if (line.depth + 1 > MaxIncludeDepth) {
        return ApiError::make(CantParse,
                              QStringLiteral("%1: includes are nested more than %2 levels deep; "
                                             "a file probably includes itself.")
                                  .arg(describeLocation(location(line, column)))
                                  .arg(MaxIncludeDepth));
    }

    // Relative patterns are relative to the including file's folder. The matches are sorted
    // bytewise, because FreeSWITCH 1.10's core never calls setlocale() and so its glob() sorts
    // in the C locale.
    const QByteArray full = pattern.startsWith('/')
                                ? pattern
                                : QFile::encodeName(line.cwd) + '/' + pattern;
    glob_t matches;
    globErrno = 0;
    int globbed = ::glob(full.constData(), GLOB_ERR | GLOB_NOSORT, recordGlobError, &matches);
    // A folder that does not exist matches nothing; other read errors fail the import.
    if (globbed == GLOB_ABORTED && (globErrno == ENOENT || globErrno == ENOTDIR))
        globbed = GLOB_NOMATCH;
    QList<QByteArray> paths;
    if (globbed == 0) {
        for (size_t i = 0; i < matches.gl_pathc; ++i)
            paths.append(QByteArray(matches.gl_pathv[i]));
    }
    globfree(&matches);
    if (globbed == GLOB_NOMATCH) {
        // FreeSWITCH logs this and goes on.
        m_result.warnings.append(model::ReportItem{
            QStringLiteral("No file matches the include \"%1\".").arg(QString::fromUtf8(pattern)),
            location(line, column)});
        return {};
    }
    if (globbed != 0) {
        return ApiError::make(CantParse, QStringLiteral("%1: cannot read the files of \"%2\".")
                                             .arg(describeLocation(location(line, column)),
                                                  QString::fromUtf8(pattern)));
    }
    std::sort(paths.begin(), paths.end(), [](const QByteArray &a, const QByteArray &b) {
        return std::strcmp(a.constData(), b.constData()) < 0;
    });

    for (const QByteArray &path : std::as_const(paths)) {
        Status read = readFile(QFile::decodeName(path), line.depth + 1);
        if (!read)
            return read;
    }
    return {};
}

Status Preprocessor::readFile(const QString &path, int depth)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ApiError::make(CantParse,
                              QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.readAll();
    const QString name = displayName(path);
    const int index = m_result.map.addFile(name);
    m_result.sources.append(name);
    qCDebug(lcXml) << "Preprocessing" << path;
    return processBytes(bytes, index, QFileInfo(path).absolutePath(), depth);
}

void Preprocessor::appendOutput(const QByteArray &data, const Line &line, qint64 column)
{
    if (data.isEmpty())
        return;
    if (!m_result.map.continues(m_outLine, m_outColumn, line.file, line.number, column))
        m_result.map.map(m_outLine, m_outColumn, line.file, line.number, column);
    m_output.append(data);
    for (char byte : data) {
        if (byte == '\n') {
            ++m_outLine;
            m_outColumn = 0;
        } else if ((uchar(byte) & 0xC0) != 0x80) {
            ++m_outColumn;
        }
    }
}

Result<PreprocessedText> Preprocessor::finish()
{
    const qsizetype invalid = firstInvalidUtf8(m_output);
    if (invalid >= 0) {
        const qsizetype lineStart = m_output.lastIndexOf('\n', invalid - 1) + 1;
        const qint64 outLine = m_output.first(lineStart).count('\n');
        const qint64 outColumn = characterCount(m_output.mid(lineStart, invalid - lineStart));
        const model::SourceLocation where = m_result.map.locate(outLine, outColumn);
        return ApiError::make(
            CantParse,
            QStringLiteral("%1: not valid UTF-8 (byte 0x%2). Save the file as UTF-8 and import "
                           "it again.")
                .arg(describeLocation(where))
                .arg(uchar(m_output[invalid]), 2, 16, QLatin1Char('0')));
    }
    m_result.text = QString::fromUtf8(m_output);
    m_output.clear();
    return std::move(m_result);
}

PreprocessedText PreprocessedText::fromPlainText(const QString &text, const QString &label)
{
    PreprocessedText result;
    result.text = text;
    result.map = SourceMap::identity(label);
    result.sources.append(label);
    return result;
}

} // namespace fsd::xml
