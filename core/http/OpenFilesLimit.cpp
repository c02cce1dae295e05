// SPDX-License-Identifier: MPL-2.0
#include "core/http/OpenFilesLimit.h"

#include "core/http/HttpLog.h"

#include <mutex>

#include <cerrno>
#include <cstring>
#include <sys/resource.h>

namespace fsd {

namespace {

qint64 raiseOnce()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        qCWarning(lcHttp) << "Reading the open-files limit failed:" << std::strerror(errno);
        return -1;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        // Linux rejects RLIM_INFINITY for RLIMIT_NOFILE, so an unlimited hard limit stays as is.
        if (limit.rlim_max != RLIM_INFINITY && setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            qCInfo(lcHttp) << "Raised the open-files limit from" << qint64(limit.rlim_cur) << "to"
                           << qint64(raised.rlim_cur);
            limit = raised;
        } else if (limit.rlim_max != RLIM_INFINITY) {
            qCWarning(lcHttp) << "Raising the open-files limit to" << qint64(limit.rlim_max)
                              << "failed:" << std::strerror(errno);
        }
    }
    return limit.rlim_cur == RLIM_INFINITY ? -1 : qint64(limit.rlim_cur);
}

} // namespace

qint64 raiseOpenFilesLimit()
{
    static std::once_flag once;
    static qint64 softLimit = -1;
    std::call_once(once, [] { softLimit = raiseOnce(); });
    return softLimit;
}

} // namespace fsd
