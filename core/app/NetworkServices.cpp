// SPDX-License-Identifier: MPL-2.0
#include "core/app/NetworkServices.h"

#include "core/app/DirectoryService.h"
#include "core/net/ApiServer.h"
#include "core/net/ApiServerConfig.h"

namespace fsd {

NetworkServices::NetworkServices(DirectoryService &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

NetworkServices::~NetworkServices()
{
    stop();
}

Status NetworkServices::start(const AppSettings &settings)
{
    ApiServerConfig config;
    QString error;
    if (!config.setListenAddress(settings.apiListen, &error))
        return ApiError::make(QStringLiteral("invalid listen address"), error);
    config.tlsCertificateFile = settings.tlsCertificate;
    config.tlsKeyFile = settings.tlsKey;
    config.allowInsecure = settings.allowInsecureApi;
    config.maxConnections = settings.maxConnections;

    m_api = std::make_unique<ApiServer>(*m_service.queue());
    if (!m_api->start(config)) {
        const QString message = m_api->errorString();
        m_api.reset();
        return ApiError::make(QStringLiteral("cannot listen"), message);
    }
    m_service.setApiAddress(m_api->baseUrl());
    return {};
}

void NetworkServices::stop()
{
    if (m_api) {
        m_api->stop();
        m_api.reset();
    }
}

QStringList NetworkServices::describe() const
{
    QStringList lines;
    if (m_api) {
        QString webSocketUrl = m_api->baseUrl();
        webSocketUrl.replace(0, 4, QStringLiteral("ws"));
        lines.append(QStringLiteral("API on %1/api/v1 and %2/ws").arg(m_api->baseUrl(), webSocketUrl));
    }
    return lines;
}

} // namespace fsd
