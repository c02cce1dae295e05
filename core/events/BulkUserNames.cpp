// SPDX-License-Identifier: MPL-2.0
#include "core/events/BulkUserNames.h"

#include <QRegularExpression>

namespace fsd::BulkUserNames {

Result<QStringList> generate(const QString &first, qint64 count)
{
    if (count == 1)
        return QStringList{first};

    static const QRegularExpression lastDigits(QStringLiteral("^(.*?)([0-9]+)([^0-9]*)$"));
    const QRegularExpressionMatch match = lastDigits.match(first);
    if (!match.hasMatch()) {
        return ApiError::make(QStringLiteral("wrong data"),
                              QStringLiteral("The name \"%1\" has no digits to count up from, so "
                                             "it cannot make %2 users. Use a name ending in a "
                                             "number, such as \"%3\".")
                                  .arg(first, QString::number(count),
                                       first + QStringLiteral("100")));
    }
    const QString prefix = match.captured(1);
    const QString digits = match.captured(2);
    const QString suffix = match.captured(3);

    // Count with decimal strings, so that runs longer than 18 digits still work.
    QStringList names{first};
    QString number = digits;
    for (qint64 i = 1; i < count; ++i) {
        int position = int(number.size()) - 1;
        while (position >= 0 && number.at(position) == QLatin1Char('9')) {
            number[position] = QLatin1Char('0');
            --position;
        }
        if (position < 0)
            number.prepend(QLatin1Char('1'));
        else
            number[position] = QChar(number.at(position).unicode() + 1);
        names.append(prefix + number + suffix);
    }
    return names;
}

} // namespace fsd::BulkUserNames
