// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/DirectoryTree.h"
#include "core/model/ImportReport.h"
#include "core/xml/DirectoryReader.h"
#include "core/xml/ImportSource.h"

#include <QString>

namespace fsd::test {

// Preprocesses `path` (a file or conf/ folder) with `--set` pairs and reads the directory.
inline Result<model::DirectoryTree> readPath(const QString &path,
                                             const QList<QPair<QString, QString>> &supplied,
                                             model::ImportReport &report)
{
    xml::PreprocessOptions options;
    options.supplied = supplied;
    auto text = xml::ImportSource::preprocessPath(path, options);
    if (!text)
        return text.error();
    xml::DirectoryReader reader(*text, report);
    return reader.readDirectory();
}

// Reads XML text as a file import would (includes allowed, undefined variables empty).
inline Result<model::DirectoryTree> readText(const QByteArray &xml, model::ImportReport &report,
                                             const QString &label = QStringLiteral("test.xml"))
{
    xml::Preprocessor preprocessor({});
    Status added = preprocessor.addText(xml, label);
    if (!added)
        return added.error();
    auto text = preprocessor.finish();
    if (!text)
        return text.error();
    xml::DirectoryReader reader(*text, report);
    return reader.readDirectory();
}

inline bool anyItemContains(const QList<model::ReportItem> &items, const QString &needle)
{
    for (const model::ReportItem &item : items) {
        if (item.message.contains(needle))
            return true;
    }
    return false;
}

} // namespace fsd::test
