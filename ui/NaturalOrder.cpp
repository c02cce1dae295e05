// SPDX-License-Identifier: MPL-2.0
#include "ui/NaturalOrder.h"

namespace fsd::ui {

namespace {

// Compares the digit runs starting at `i` and `j` by value; advances both past their runs.
// `zeroBias` records the first difference in leading zeros, used only as a tie-breaker.
int compareNumbers(QStringView a, qsizetype &i, QStringView b, qsizetype &j, int &zeroBias)
{
    const qsizetype startA = i;
    const qsizetype startB = j;
    while (i < a.size() && a[i] == QLatin1Char('0'))
        ++i;
    while (j < b.size() && b[j] == QLatin1Char('0'))
        ++j;
    if (zeroBias == 0 && (i - startA) != (j - startB))
        zeroBias = (i - startA) < (j - startB) ? -1 : 1;

    const qsizetype digitsA = i;
    const qsizetype digitsB = j;
    while (i < a.size() && a[i].isDigit())
        ++i;
    while (j < b.size() && b[j].isDigit())
        ++j;
    const qsizetype lengthA = i - digitsA;
    const qsizetype lengthB = j - digitsB;
    if (lengthA != lengthB)
        return lengthA < lengthB ? -1 : 1;
    for (qsizetype k = 0; k < lengthA; ++k) {
        const QChar ca = a[digitsA + k];
        const QChar cb = b[digitsB + k];
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return 0;
}

} // namespace

int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    int zeroBias = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            const int order = compareNumbers(a, i, b, j, zeroBias);
            if (order != 0)
                return order;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;

    const int exact = a.compare(b, Qt::CaseSensitive);
    if (exact != 0 && a.compare(b, Qt::CaseInsensitive) == 0)
        return exact < 0 ? -1 : 1;
    if (zeroBias != 0)
        return zeroBias;
    return exact < 0 ? -1 : (exact > 0 ? 1 : 0);
}

} // namespace fsd::ui
