#include "ui/services/AdvisorService.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>

#include <map>

#include "core/advisor/Reproducer.h"
#include "core/advisor/TrialRun.h"
#include "ui/services/OwnerThread.h"
#include "ui/services/SessionService.h"

namespace gs::ui {

AdvisorService::AdvisorService(SessionService* sessions, QObject* parent)
    : QObject(parent), sessions_(sessions), latest_(std::make_shared<std::atomic<quint64>>(0)) {}

AdvisorService::~AdvisorService() { latest_->store(~quint64(0)); }

quint64 AdvisorService::tryFixes(const QString& fileName, const QString& source) {
    const quint64 gen = ++generation_;
    latest_->store(gen);
    busy_ = true;
    emit fixesStarted(gen, fileName);
    QPointer<AdvisorService> self(this);
    auto latest = latest_;
    sessions_->ownerThread()->post(QStringLiteral("fix"), [self, latest, gen, file = fileName.toStdString(), text = source.toStdString()] {
        if (latest->load() != gen) return;
        advisor::AdvisorOptions options;
        options.trial.cancelled = [latest, gen] { return latest->load() != gen; };
        options.progress = [self, latest, gen](int done, int total, const std::string& what) {
            if (latest->load() != gen) return;
            const QString w = QString::fromStdString(what);
            QMetaObject::invokeMethod(self, [self, gen, done, total, w] {
                if (self) emit self->fixesProgress(gen, done, total, w);
            }, Qt::QueuedConnection);
        };
        auto report = std::make_shared<const advisor::FixReport>(advisor::FixAdvisor::advise(file, text, options));
        QMetaObject::invokeMethod(self, [self, latest, gen, report] {
            if (!self || latest->load() != gen) return;
            self->busy_ = false;
            emit self->fixesReady(gen, report);
        }, Qt::QueuedConnection);
    });
    return gen;
}

void AdvisorService::cancel() {
    latest_->store(++generation_);
    busy_ = false;
}

void AdvisorService::reproduce(session::SessionIndexPtr recorded) {
    if (!recorded) return;
    QPointer<AdvisorService> self(this);
    sessions_->ownerThread()->post(QStringLiteral("reproduce"), [self, recorded] {
        const session::Session& s = recorded->session();
        advisor::Reproduction r = advisor::Reproducer::reproduce(s);
        Reproduced out;
        out.title = QString::fromStdString(s.info.title);
        out.scenario = QString::fromStdString(r.scenario);
        for (const auto& n : r.notes) out.notes << QString::fromStdString(n);
        advisor::RunMeasure m = advisor::TrialRun::run(QFileInfo(out.title).completeBaseName().toStdString() + "_reproduced.py", r.scenario);
        out.check = !m.error.empty() ? QString::fromStdString(m.error)
                                     : QString::fromStdString(advisor::Reproducer::compareChains(s, m.session));
        std::map<std::string, int> byCategory;
        for (auto c : advisor::Reproducer::chain(s)) ++byCategory[std::string(session::toString(c))];
        out.chain = QStringLiteral("%1 compiles").arg(s.summary().compiles);
        for (const auto& [c, n] : byCategory) out.chain += QStringLiteral("; %1 × %2").arg(QString::fromStdString(c)).arg(n);
        QMetaObject::invokeMethod(self, [self, out] {
            if (self) emit self->reproduceReady(out);
        }, Qt::QueuedConnection);
    });
}

} // namespace gs::ui
