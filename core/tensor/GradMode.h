#pragma once
// torch.is_grad_enabled / torch.no_grad. There is no autograd here, only its visible metadata:
// under grad mode an op on a requires_grad input yields requires_grad=True with a grad_fn name
// (printed by repr as PyTorch does); under no_grad it does not.
namespace gs::tensor {

class GradMode {
public:
    static bool isEnabled();
    static void setEnabled(bool enabled);

    // RAII like torch.no_grad() / torch.enable_grad().
    class Guard {
    public:
        explicit Guard(bool enabled);
        ~Guard();
        Guard(const Guard&) = delete;
        Guard& operator=(const Guard&) = delete;

    private:
        bool previous_;
    };
};

} // namespace gs::tensor
