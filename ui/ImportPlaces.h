// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/model/DirectoryTree.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace fsd::ui {

// Maps places in the flattened XML that the window sends as `ImportXMLDomain` back to the
// operator's files. The server reports warnings and errors by line of the text it received,
// which is not a file the operator has. Each element of the flattened text is on its own
// line, so a line identifies the domain, user, group, gateway, membership, parameter or
// variable on it.
class ImportPlaces
{
public:
    ImportPlaces() = default;
    // Pairs the items of `flattened` (read back from the flattened text) with the same items of
    // `original` (read from the operator's files) by name, or by position within one owner.
    ImportPlaces(const model::DirectoryTree &original, const model::DirectoryTree &flattened);

    // Returns the label under which the server reads the text of `ImportXMLDomain`.
    static QString flattenedLabel();

    // Returns the operator's place of the item on `line` of the flattened text, or an empty
    // place when unknown.
    model::SourceLocation placeOfLine(qint64 line) const;
    // Returns the report item `item` ({"message", "file", "line", "column"}) with its place in
    // the operator's files when it refers to the flattened text, otherwise unchanged.
    QJsonObject relocateItem(const QJsonObject &item) const;
    // Returns `detail` with a leading "ImportXMLDomain text:LINE:COLUMN:" replaced by the
    // operator's file, line and column, or unchanged when it has no such prefix.
    QString relocateDetail(const QString &detail) const;

    bool isEmpty() const { return m_places.isEmpty(); }

private:
    void add(const model::SourceLocation &flattened, const model::SourceLocation &original);
    void addAttributes(const QList<model::Attribute> &original,
                       const QList<model::Attribute> &flattened);
    void addDomain(const model::Domain &original, const model::Domain &flattened);
    void addUser(const model::User &original, const model::User &flattened);
    void addGroup(const model::Group &original, const model::Group &flattened);

    // Lines of the flattened text, with the operator's place of the item on each.
    QHash<qint64, model::SourceLocation> m_places;
};

} // namespace fsd::ui
