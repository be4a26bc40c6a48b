#include "core/session/CallPages.h"

namespace gs::session {

namespace {
class WholeCallPage : public CallPage {
public:
    explicit WholeCallPage(std::vector<Call> calls) : calls_(std::move(calls)) {}
    size_t size() const override { return calls_.size(); }
    Call call(size_t offset) const override { return calls_.at(offset); }

private:
    std::vector<Call> calls_;
};
} // namespace

std::shared_ptr<const CallPage> CallPages::page(size_t chunk) { return std::make_shared<const WholeCallPage>(read(chunk)); }

} // namespace gs::session
