// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "ui/ImportPlaces.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

class QThread;

namespace fsd::ui {

// The local half of Import XML, run on a worker thread: reads a directory XML file or a
// FreeSWITCH conf/ folder as FreeSWITCH would (includes, $${variables}), parses it, and writes
// the result as one flattened XML document for `ImportXMLDomain`. Nothing is sent from here,
// so a job cancelled before it finishes changes nothing.
class XmlImportJob : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        // Reason reading failed, naming the file and line, or empty on success.
        QString error;
        // The flattened document: no includes, every $${name} expanded.
        QString xml;
        // Summary of the files as the API's report object: counts of the items read and
        // warnings by file and line.
        QJsonObject report;
        // The operator's file and line of each line of `xml`, for the server's messages.
        ImportPlaces places;
    };

    XmlImportJob(const QString &path, const QList<QPair<QString, QString>> &variables,
                 QObject *parent = nullptr);
    // Waits for the worker thread when it still runs.
    ~XmlImportJob() override;

    void start();
    // Drops the outcome: finished() is not emitted, and the job deletes itself once the worker
    // thread has ended.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

    // The work itself, callable on any thread.
    static Outcome prepare(const QString &path, const QList<QPair<QString, QString>> &variables);

signals:
    void finished(const fsd::ui::XmlImportJob::Outcome &outcome);

private:
    QString m_path;
    QList<QPair<QString, QString>> m_variables;
    QThread *m_thread = nullptr;
    Outcome m_outcome;
    bool m_cancelled = false;
};

} // namespace fsd::ui
