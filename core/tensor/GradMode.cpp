#include "core/tensor/GradMode.h"

namespace gs::tensor {

namespace {
thread_local bool tGradEnabled = true;
}

bool GradMode::isEnabled() { return tGradEnabled; }
void GradMode::setEnabled(bool enabled) { tGradEnabled = enabled; }
GradMode::Guard::Guard(bool enabled) : previous_(tGradEnabled) { tGradEnabled = enabled; }
GradMode::Guard::~Guard() { tGradEnabled = previous_; }

} // namespace gs::tensor
