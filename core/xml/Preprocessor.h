// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/xml/PreprocessedText.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace fsd::xml {

struct PreprocessOptions
{
    // Variables fixed before any file is read (--set name=value); `set`s of them are ignored.
    QList<QPair<QString, QString>> supplied;
    // False for text sent over the API: the server cannot read the sender's files, so an
    // include fails the import.
    bool allowIncludes = true;
    // True for text sent over the API: $${name} of an undefined variable stays verbatim,
    // because the FreeSWITCH that receives the directory expands it.
    bool keepUndefined = false;
    // Folder that file names in messages are relative to; empty for absolute names.
    QString baseFolder;
};

// The FreeSWITCH 1.10 XML preprocessor (`preprocess` and `expand_vars` in src/switch_xml.c),
// run on raw bytes line by line before any XML parsing, as FreeSWITCH runs it:
// - a line ends at '\r' or '\n'; $${name} expands from the variables set so far (nothing when
//   undefined); ${name} stays;
// - a line whose text before the first expanded $${name} contains "<include>", "</include>"
//   or "<?" is dropped whole;
// - a line containing "X-PRE-PROCESS" (any case) is a directive when '<' precedes it and is
//   dropped whole either way, so <XX-PRE-PROCESS .../> lines vanish without effect; directives
//   run even inside XML comments, as in FreeSWITCH;
// - `set` splits its data at the first '=', removing spaces before the '=' and after it;
//   `include` reads a glob relative to the including file's folder, matches sorted bytewise;
// - <!--#set ...--> style directives work as in FreeSWITCH.
// Unlike FreeSWITCH, `exec`, `exec-set`, `stun-set` and `env-set` never run: an import runs no
// command and sends no packet, so their variables stay undefined unless supplied.
// NOTE: columns in messages count characters of the expanded line, so they are off on a line
// where an earlier $${name} expanded to text of another length. FreeSWITCH's 1 MiB limit on
// one line (switch_fp_read_dline) is not applied.
class Preprocessor
{
public:
    explicit Preprocessor(PreprocessOptions options);

    // Preprocesses a file as if a FreeSWITCH configuration included it.
    Status addFile(const QString &path);
    // Preprocesses the files matching a glob relative to `folder`, as an include would.
    Status addGlob(const QByteArray &pattern, const QString &folder);
    // Preprocesses text that did not come from a file (the API's `file` field).
    Status addText(const QByteArray &text, const QString &label);
    // Checks that the output is valid UTF-8 and returns it. Call once, last.
    Result<PreprocessedText> finish();

private:
    struct Line
    {
        int file;
        qint64 number; // 1-based line of the file, counting "\r\n" as one line break
        QString cwd;   // folder of the file, for includes
        int depth;
    };
    struct Expanded
    {
        QByteArray text;
        // The raw line up to the first expanded $${name}'s closing brace: FreeSWITCH checks
        // this part for <include> and <?, because expand_vars cuts the raw line there.
        QByteArray checked;
        QList<QByteArray> emptied;
    };

    Status processBytes(const QByteArray &bytes, int file, const QString &cwd, int depth);
    Status processLine(const QByteArray &raw, const Line &line, bool &inCommentDirective);
    Expanded expand(const QByteArray &raw, const Line &line);
    Status runDirective(const QByteArray &command, const QByteArray &data, const Line &line,
                        qint64 column, const QByteArray &emptiedBy);
    Status include(const QByteArray &pattern, const Line &line, qint64 column);
    Status readFile(const QString &path, int depth);
    void setVariable(const QByteArray &data, const Line &line, qint64 column,
                     const QByteArray &emptiedBy);
    void noteSkipped(const QByteArray &command, const QByteArray &data, const Line &line,
                     qint64 column);
    void appendOutput(const QByteArray &data, const Line &line, qint64 column);
    model::SourceLocation location(const Line &line, qint64 column) const;
    QString displayName(const QString &path) const;

    PreprocessOptions m_options;
    PreprocessedText m_result;
    QByteArray m_output;
    qint64 m_outLine = 0;
    qint64 m_outColumn = 0;
    QSet<QByteArray> m_reportedUndefined;
};

} // namespace fsd::xml
