// SPDX-License-Identifier: MPL-2.0
#include "core/app/NetworkServices.h"

#include "core/app/DirectoryService.h"
#include "core/events/QuickReads.h"
#include "core/net/ApiServer.h"
#include "core/net/ApiServerConfig.h"
#include "core/net/NetLog.h"
#include "core/xmlcurl/XmlCurlServer.h"
#include "core/xmlcurl/XmlCurlServerConfig.h"

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
    // Without its own connection the API still works: every request then takes the queue.
    if (auto reads = QuickReads::open(m_service.database()->options(), *m_service.authenticator()))
        m_api->setQuickReads(std::move(*reads));
    else
        qCWarning(lcNet).noquote() << "Quick reads stay on the dispatcher's thread:"
                                   << reads.error().detail;
    if (!m_api->start(config)) {
        const QString message = m_api->errorString();
        m_api.reset();
        return ApiError::make(QStringLiteral("cannot listen"), message);
    }
    m_service.setApiAddress(m_api->baseUrl());

    XmlCurlServerConfig xmlCurl;
    if (!xmlCurl.setListenAddress(settings.xmlCurlListen, &error)) {
        stop();
        return ApiError::make(QStringLiteral("invalid listen address"), error);
    }
    xmlCurl.tlsCertificateFile = settings.tlsCertificate;
    xmlCurl.tlsKeyFile = settings.tlsKey;
    xmlCurl.user = settings.xmlCurlUser;
    xmlCurl.password = settings.xmlCurlPassword;
    xmlCurl.allowInsecure = settings.allowInsecureXmlCurl;
    xmlCurl.maxConnections = settings.maxConnections;
    m_xmlCurl = std::make_unique<XmlCurlServer>(xmlCurl, m_service.database()->options());
    if (Status started = m_xmlCurl->start(); !started) {
        m_xmlCurl.reset();
        stop();
        return started;
    }
    return {};
}

void NetworkServices::stop()
{
    m_xmlCurl.reset();
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
    if (m_xmlCurl)
        lines.append(QStringLiteral("mod_xml_curl on %1").arg(m_xmlCurl->gatewayUrl()));
    return lines;
}

} // namespace fsd
