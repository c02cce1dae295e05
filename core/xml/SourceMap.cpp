// SPDX-License-Identifier: MPL-2.0
#include "core/xml/SourceMap.h"

#include <algorithm>

namespace fsd::xml {

int SourceMap::addFile(const QString &name)
{
    m_files.append(name);
    return int(m_files.size() - 1);
}

void SourceMap::map(qint64 outLine, qint64 outColumn, int file, qint64 line, qint64 column)
{
    // A later segment at the same position replaces the earlier one, so that pieces of no
    // length (a dropped line) leave no trace.
    if (!m_segments.isEmpty() && m_segments.last().outLine == outLine
        && m_segments.last().outColumn == outColumn) {
        m_segments.last() = Segment{outLine, outColumn, line, column, file};
        return;
    }
    m_segments.append(Segment{outLine, outColumn, line, column, file});
}

const SourceMap::Segment *SourceMap::segmentAt(qint64 outLine, qint64 outColumn) const
{
    // The last segment that starts at or before the position.
    auto after = std::upper_bound(m_segments.cbegin(), m_segments.cend(),
                                  std::pair{outLine, outColumn},
                                  [](const std::pair<qint64, qint64> &position, const Segment &s) {
                                      return position < std::pair{s.outLine, s.outColumn};
                                  });
    if (after == m_segments.cbegin())
        return nullptr;
    return &*(after - 1);
}

model::SourceLocation SourceMap::locate(qint64 outLine, qint64 outColumn) const
{
    const Segment *segment = segmentAt(outLine, outColumn);
    if (!segment)
        return {};
    model::SourceLocation location;
    location.file = m_files.value(segment->file);
    if (outLine == segment->outLine) {
        location.line = segment->line;
        location.column = segment->column + (outColumn - segment->outColumn) + 1;
    } else {
        location.line = segment->line + (outLine - segment->outLine);
        location.column = outColumn + 1;
    }
    return location;
}

bool SourceMap::continues(qint64 outLine, qint64 outColumn, int file, qint64 line,
                          qint64 column) const
{
    const Segment *segment = segmentAt(outLine, outColumn);
    if (!segment || segment->file != file)
        return false;
    const model::SourceLocation location = locate(outLine, outColumn);
    return location.line == line && location.column == column + 1;
}

SourceMap SourceMap::identity(const QString &name)
{
    SourceMap map;
    const int file = map.addFile(name);
    map.map(0, 0, file, 1, 0);
    return map;
}

QString describeLocation(const model::SourceLocation &location)
{
    if (location.line <= 0)
        return location.file;
    if (location.file.isEmpty())
        return QStringLiteral("line %1, column %2").arg(location.line).arg(location.column);
    return QStringLiteral("%1:%2:%3").arg(location.file).arg(location.line).arg(location.column);
}

} // namespace fsd::xml
