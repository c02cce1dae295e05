// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/app/AppSettings.h"
#include "core/common/Result.h"

#include <QObject>

#include <memory>

namespace fsd {

class ApiServer;
class DirectoryService;
class XmlCurlServer;

// The listeners fsdirector runs beside the directory, in the GUI and headless alike: the remote
// API and the mod_xml_curl server that FreeSWITCH reads the directory from.
class NetworkServices : public QObject
{
    Q_OBJECT

public:
    explicit NetworkServices(DirectoryService &service, QObject *parent = nullptr);
    ~NetworkServices() override;

    // Starts every listener of `settings`. On failure nothing keeps listening and the error
    // detail names the address and what to change.
    Status start(const AppSettings &settings);
    void stop();

    ApiServer *apiServer() const { return m_api.get(); }
    XmlCurlServer *xmlCurlServer() const { return m_xmlCurl.get(); }
    // One line per listener for logs and the status bar, such as "API on http://127.0.0.1:8080".
    QStringList describe() const;

private:
    DirectoryService &m_service;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<XmlCurlServer> m_xmlCurl;
};

} // namespace fsd
