// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/events/EventChannel.h"
#include "ui/LocalServerStatus.h"
#include "ui/XmlImportJob.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressDialog;
class QTreeView;

namespace fsd {
class RemoteEventChannel;
}

namespace fsd::ui {

class ConnectDialog;
class DetailPane;
class DirectoryClient;
class DirectoryTreeModel;
class GroupsTreeModel;
class ImportXmlDialog;
class Prompter;
class RequestDialog;
class UserFilterProxyModel;

// The operator's window. It shows the Directory and Groups trees and the detail pane of the
// selected item, and offers every action of the API in menus, toolbar, context menus and
// shortcuts. Its status bar names the open directory, the connection state and the state of
// the local servers.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `localChannel` reaches the database of this process and is not owned; it must outlive the
    // window. It may be null when the window only connects to remote servers.
    explicit MainWindow(EventChannel *localChannel, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Replaces the file dialogs and message boxes, for tests.
    void setPrompter(std::unique_ptr<Prompter> prompter);
    Prompter *prompter() const { return m_prompter.get(); }

    // The settings file the Settings dialog edits and the Event Socket defaults come from;
    // AppSettings::defaultFilePath() unless set.
    void setSettingsFile(const QString &path);
    QString settingsFile() const;

    void setLocalServerStatus(const LocalServerStatus &status);
    LocalServerStatus localServerStatus() const { return m_serverStatus; }

    // Switches the window to `channel` (not owned), reloading everything; null goes back to
    // the local channel.
    void useChannel(EventChannel *channel);

    DirectoryClient *client() const { return m_client; }
    DirectoryTreeModel *directoryModel() const { return m_directoryModel; }
    GroupsTreeModel *groupsModel() const { return m_groupsModel; }
    UserFilterProxyModel *filterModel() const { return m_filterModel; }
    QTreeView *directoryView() const { return m_directoryView; }
    QTreeView *groupsView() const { return m_groupsView; }
    DetailPane *detailPane() const { return m_detailPane; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    // The action with this object name ("addDomainAction", "deleteAction", ...).
    QAction *action(const QString &objectName) const;

    // Selects the item of the Directory tree, expanding its parents.
    void selectDirectoryItem(int kind, qint64 id);
    void selectGroupsItem(int kind, qint64 id);

signals:
    // A request sent by an action failed; `text` is what the operator was shown.
    void actionFailed(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum class Tree { None, Directory, Groups };
    struct Selection
    {
        Tree tree = Tree::None;
        int kind = -1;
        qint64 id = 0;
    };

    // MainWindow.cpp: layout, message routing, selection, status bar.
    void buildLayout();
    void buildStatusBar();
    void connectClient();
    void applyMessage(const QJsonObject &message);
    void setActiveTree(Tree tree);
    void showSelectionDetails();
    void updateStatusBar();
    void updateWindowTitle();
    Selection currentSelection() const;
    qint64 selectedDomainId() const;
    qint64 selectedUserId() const;
    qint64 selectedGroupId() const;
    QList<qint64> selectedMemberIds() const;
    QString domainName(qint64 id) const;
    void reportError(const QString &title, const QJsonObject &reply);

    // MainWindowActions.cpp: actions, menus, toolbar and context menus.
    void createActions();
    void createMenus();
    void createToolBar();
    QAction *addAction(const QString &objectName, const QString &text,
                       const QKeySequence &shortcut, void (MainWindow::*slot)());
    void showTreeContextMenu(QTreeView *view, const QPoint &position);
    void updateActions();

    // MainWindowCommands.cpp: what the directory actions do.
    void addDomain();
    void addUser();
    void bulkAddUsers();
    void addGateway();
    void addGroup();
    void addMembers();
    void removeMembers();
    void renameSelected();
    void toggleSelected();
    void deleteSelected();
    void refresh();
    void focusFilter();
    void addUsersToGroup(qint64 groupId, const QList<qint64> &userIds);
    void sendFromDialog(RequestDialog *dialog, const QJsonObject &request,
                        std::function<void(const QJsonObject &)> onSuccess = {});
    void sendAction(const QString &title, const QJsonObject &request,
                    std::function<void(const QJsonObject &)> onSuccess = {});
    void openNameDialog(const QString &title, const QString &label, const QString &initial,
                        std::function<QJsonObject(const QString &)> makeRequest,
                        std::function<void(const QJsonObject &)> onSuccess);
    QString deleteQuestion(const Selection &selection) const;

    // MainWindowTransfers.cpp: import, export, settings and remote connections.
    void showImportReport(const QString &title, const QJsonObject &reply, bool checkOnly);
    QProgressDialog *openProgress(const QString &text);
    void importXml();
    // MainWindowImport.cpp: Import XML.
    void runXmlImport(ImportXmlDialog *dialog, bool checkOnly);
    void sendXmlImport(const QString &title, const XmlImportJob::Outcome &outcome, bool checkOnly,
                       QPointer<ImportXmlDialog> dialog, QPointer<QProgressDialog> progress);
    void importFromFreeSwitch();
    void exportXml();
    void importUsers();
    void openSettings();
    // MainWindowRemote.cpp: remote sessions.
    void connectToServer();
    void startRemoteSession(ConnectDialog *dialog, const QUrl &url);
    bool confirmCertificate(const QUrl &url, const QString &fingerprint, const QString &subject);
    void askForNewLogin(RemoteEventChannel *channel);
    void useLocalDirectory();
    void showAbout();
    void quit() { close(); }

    std::unique_ptr<Prompter> m_prompter;
    QPointer<EventChannel> m_localChannel;
    // The session of Connect to Server…, owned by the window; null in local mode.
    QPointer<RemoteEventChannel> m_remoteChannel;
    DirectoryClient *m_client;
    DirectoryTreeModel *m_directoryModel;
    GroupsTreeModel *m_groupsModel;
    UserFilterProxyModel *m_filterModel;
    QTreeView *m_directoryView = nullptr;
    QTreeView *m_groupsView = nullptr;
    DetailPane *m_detailPane = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    Tree m_activeTree = Tree::None;
    QHash<QString, QAction *> m_actions;
    LocalServerStatus m_serverStatus;
    QString m_settingsFile;
    QLabel *m_locationLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
};

} // namespace fsd::ui
