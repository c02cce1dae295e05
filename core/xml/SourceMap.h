// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/DirectoryTree.h"

#include <QList>
#include <QStringList>

namespace fsd::xml {

// Maps positions in preprocessed text back to the file, line and column they came from.
// Output lines are separated by '\n' and columns count characters. A segment covers the
// output from its start up to the next segment. Within it, each later output line is the
// next source line, starting at column 0.
class SourceMap
{
public:
    // Registers a file name (or a label such as "ImportXMLDomain text") and returns its index.
    int addFile(const QString &name);
    const QStringList &files() const { return m_files; }

    // Records that output from (outLine, outColumn) on comes from (file, line, column).
    // Everything is 0-based except `line`, which is 1-based like the lines of an editor.
    void map(qint64 outLine, qint64 outColumn, int file, qint64 line, qint64 column);
    // Returns the source position of an output position (0-based), with a 1-based column.
    // An empty location when the position precedes every segment.
    model::SourceLocation locate(qint64 outLine, qint64 outColumn) const;
    // True when locate() already gives (file, line, column) for that output position, so no
    // segment needs to be added.
    bool continues(qint64 outLine, qint64 outColumn, int file, qint64 line, qint64 column) const;

    // A map for text that did not go through the preprocessor: output line n is line n + 1 of
    // `name`.
    static SourceMap identity(const QString &name);

private:
    struct Segment
    {
        qint64 outLine;
        qint64 outColumn;
        qint64 line;
        qint64 column;
        int file;
    };
    const Segment *segmentAt(qint64 outLine, qint64 outColumn) const;

    QStringList m_files;
    QList<Segment> m_segments;
};

// "file:line:column", or "line L, column C" when the file is unknown.
QString describeLocation(const model::SourceLocation &location);

} // namespace fsd::xml
