// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd {

// An expected failure that reaches the caller of an event. `error` is one of the API's fixed
// strings ("domain not found", "wrong id", ...), which clients match on; `detail` is a
// sentence for a person that names the value and, for XML, the file, line and column.
struct ApiError
{
    QString error;
    QString detail;

    static ApiError make(const QString &error, const QString &detail = {})
    {
        return ApiError{error, detail};
    }
};

} // namespace fsd
