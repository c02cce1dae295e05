// SPDX-License-Identifier: MPL-2.0
#include "ui/LocalServerStatus.h"

#include "core/app/NetworkServices.h"
#include "core/net/ApiServer.h"
#include "core/xmlcurl/XmlCurlServer.h"

namespace fsd::ui {

LocalServerStatus LocalServerStatus::of(const NetworkServices *services, const QString &error)
{
    LocalServerStatus status;
    status.error = error;
    if (!services)
        return status;
    if (const ApiServer *api = services->apiServer(); api && api->isRunning()) {
        status.apiListening = true;
        status.apiAddress = api->baseUrl();
    }
    if (const XmlCurlServer *xmlCurl = services->xmlCurlServer(); xmlCurl && xmlCurl->isRunning()) {
        status.xmlCurlListening = true;
        status.xmlCurlAddress = xmlCurl->gatewayUrl();
    }
    return status;
}

} // namespace fsd::ui
