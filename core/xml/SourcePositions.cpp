// SPDX-License-Identifier: MPL-2.0
#include "core/xml/SourcePositions.h"

#include <QSet>

#include <algorithm>

namespace fsd::xml {

SourcePositions::SourcePositions(const PreprocessedText &input) : m_input(input)
{
    m_text.reserve(input.text.size() + 2 * RootElement.size() + 8);
    m_text.append(QLatin1Char('<') + RootElement + QLatin1String(">\n"));
    m_text.append(input.text);
    m_text.append(QLatin1String("\n</") + RootElement + QLatin1Char('>'));

    m_lineStarts.append(0);
    const QChar *data = m_text.constData();
    const qsizetype size = m_text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] == u'\n')
            m_lineStarts.append(i + 1);
    }
}

qint64 SourcePositions::outputLine(qint64 offset) const
{
    const auto after = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    // The first line of text() is the wrapper's start tag.
    return qint64(after - m_lineStarts.cbegin()) - 2;
}

model::SourceLocation SourcePositions::locate(qint64 offset) const
{
    const qint64 line = std::max<qint64>(outputLine(offset), 0);
    const qint64 column = std::max<qint64>(offset - m_lineStarts.value(line + 1), 0);
    return m_input.map.locate(line, column);
}

model::SourceLocation SourcePositions::locateLineColumn(qint64 line, qint64 column) const
{
    return m_input.map.locate(std::max<qint64>(line - 2, 0), column);
}

QList<QByteArray> SourcePositions::emptyExpansions(qint64 from, qint64 to) const
{
    QList<QByteArray> names;
    if (m_input.emptyExpansions.isEmpty())
        return names;
    for (qint64 line = outputLine(from); line <= outputLine(to); ++line)
        names.append(m_input.emptyExpansions.value(line));
    return names;
}

QString SourcePositions::explainEmpty(qint64 from, qint64 to) const
{
    QStringList chains;
    QSet<QByteArray> seen;
    for (const QByteArray &name : emptyExpansions(from, to)) {
        if (seen.contains(name))
            continue;
        seen.insert(name);
        chains.append(m_input.variables.explain(name));
    }
    return chains.join(QStringLiteral("; "));
}

bool SourcePositions::emptiedByUndefined(qint64 from, qint64 to) const
{
    const QList<QByteArray> names = emptyExpansions(from, to);
    return std::any_of(names.cbegin(), names.cend(), [this](const QByteArray &name) {
        return m_input.variables.isEmptiedByUndefined(name);
    });
}

} // namespace fsd::xml
