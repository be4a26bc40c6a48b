// guardscope-cli: placeholder until the CLI lands (foundation issue).
#include <cstdio>
int main() {
    std::puts("guardscope-cli: not built yet");
    return 1;
}
