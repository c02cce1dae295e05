// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/ImportReport.h"

#include <QJsonObject>
#include <QString>

namespace fsd::xml {

// The import report as the API's `report` object and as text for the command line.
class ReportFormat
{
public:
    // {"dry_run", "counts": {...}, "warnings": [{"message", "file", "line", "column"}],
    //  "unmodelled": [...], "variables": [...], "sources": [...]}
    static QJsonObject toJson(const model::ImportReport &report);
    static QString toText(const model::ImportReport &report);
};

} // namespace fsd::xml
