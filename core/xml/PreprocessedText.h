// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/ImportReport.h"
#include "core/xml/SourceMap.h"
#include "core/xml/VariableTable.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace fsd::xml {

// The preprocessor's output, ready for the directory reader: the text FreeSWITCH would parse,
// where each part of it came from, and what the variables did on the way.
struct PreprocessedText
{
    QString text;
    SourceMap map;
    VariableTable variables;
    // Variables that expanded to nothing (or stayed verbatim because they were undefined), by
    // 0-based output line. The reader explains empty names and passwords with them.
    QHash<qint64, QList<QByteArray>> emptyExpansions;
    // Preprocessor notes for the report (ImportReport::variables) and its warnings.
    QList<model::ReportItem> notes;
    QList<model::ReportItem> warnings;
    QStringList sources;
    // Variables that were expanded while undefined, in the order first met.
    QList<QByteArray> undefinedNames;

    // Text that is already preprocessed (such as FreeSWITCH's own `xml_locate` output), with
    // line n of `label` as output line n.
    static PreprocessedText fromPlainText(const QString &text, const QString &label);
};

} // namespace fsd::xml
