// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/DirectoryTree.h"
#include "core/xml/PreprocessedText.h"

#include <QList>
#include <QString>

namespace fsd::xml {

// Positions in the text the directory reader parses: the preprocessed text wrapped in one root
// element on lines of its own, so that several top-level elements parse as one document.
class SourcePositions
{
public:
    static inline const QString RootElement = QStringLiteral("fsd-root");

    explicit SourcePositions(const PreprocessedText &input);

    // The wrapped text for QXmlStreamReader.
    const QString &text() const { return m_text; }
    // The source of a character offset of text().
    model::SourceLocation locate(qint64 offset) const;
    // The source of QXmlStreamReader's 1-based line and 0-based column in text().
    model::SourceLocation locateLineColumn(qint64 line, qint64 column) const;

    // Explains an empty (or unexpanded) value on the text between two offsets with the
    // variables that expanded to nothing there. Returns an empty string when none did.
    QString explainEmpty(qint64 from, qint64 to) const;
    // True when a variable that expanded to nothing between the offsets did so because it (or
    // one it was set from) is undefined.
    bool emptiedByUndefined(qint64 from, qint64 to) const;

private:
    QList<QByteArray> emptyExpansions(qint64 from, qint64 to) const;
    // 0-based line of the preprocessed text (not of text()) that contains `offset`.
    qint64 outputLine(qint64 offset) const;

    const PreprocessedText &m_input;
    QString m_text;
    QList<qint64> m_lineStarts;
};

} // namespace fsd::xml
