#include "core/tensor/Autocast.h"

namespace gs::tensor {

namespace {
struct State {
    bool enabled[3] = {false, false, false};
    DType dtype[3] = {DType::BFloat16, DType::Float16, DType::BFloat16};
};
thread_local State tState;
size_t slot(Device::Type d) { return static_cast<size_t>(d) < 3 ? static_cast<size_t>(d) : 0; }
} // namespace

bool Autocast::isEnabled(Device::Type device) { return tState.enabled[slot(device)]; }
DType Autocast::dtype(Device::Type device) { return tState.dtype[slot(device)]; }
void Autocast::set(Device::Type device, bool enabled, DType dtype) {
    tState.enabled[slot(device)] = enabled;
    tState.dtype[slot(device)] = dtype;
}
bool Autocast::anyEnabled() { return tState.enabled[0] || tState.enabled[1] || tState.enabled[2]; }

} // namespace gs::tensor
