// SPDX-License-Identifier: MPL-2.0
#include "core/xml/XmlEscape.h"

namespace fsd::xml {

QString escapeXmlValue(const QString &value)
{
    QString out;
    out.reserve(value.size() + 8);
    for (QChar c : value) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\n': out += QLatin1String("&#10;"); break;
        case '\r': out += QLatin1String("&#13;"); break;
        case '\t': out += QLatin1String("&#9;"); break;
        default: out += c;
        }
    }
    static const QLatin1String directive("x-pre-process");
    for (qsizetype at = out.indexOf(directive, 0, Qt::CaseInsensitive); at >= 0;
         at = out.indexOf(directive, at + 1, Qt::CaseInsensitive)) {
        out.replace(at + 1, 1, QLatin1String("&#45;"));
    }
    return out;
}

} // namespace fsd::xml
