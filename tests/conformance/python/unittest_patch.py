import unittest
from unittest.mock import patch


class Config:
    mode = "normal"
    level = 1


config = Config()
settings = {"debug": False, "name": "app"}


def current_mode():
    return config.mode


class PatchTests(unittest.TestCase):
    @patch.object(config, "mode", "patched")
    def test_decorator(self):
        self.assertEqual(current_mode(), "patched")
        print("inside decorator:", current_mode())

    @patch.object(Config, "level", 5)
    @patch.object(config, "mode", "stacked")
    def test_stacked(self):
        print("stacked:", config.mode, config.level, Config.level)
        self.assertEqual(config.level, 5)

    def test_context_manager(self):
        with patch.object(config, "mode", "ctx") as new:
            print("ctx:", current_mode(), new)
        print("after ctx:", current_mode())

    def test_restore_on_exception(self):
        try:
            with patch.object(config, "mode", "boom"):
                raise RuntimeError("inside patch")
        except RuntimeError:
            pass
        print("restored after exception:", config.mode)
        self.assertEqual(config.mode, "normal")

    def test_new_attribute_removed(self):
        with patch.object(config, "extra", 42, create=True):
            print("extra:", config.extra)
        print("has extra after:", hasattr(config, "extra"))

    def test_inherited_attribute(self):
        with patch.object(config, "level", 9):
            print("instance level:", config.level, "class level:", Config.level)
        print("instance dict after:", "level" in vars(config), config.level)

    def test_missing_attribute_errors(self):
        with self.assertRaises(AttributeError):
            with patch.object(config, "nope", 1):
                pass

    @patch.dict(settings, {"debug": True})
    def test_patch_dict(self):
        print("dict inside:", settings)

    def test_patch_dict_ctx(self):
        with patch.dict(settings, name="other", clear=False):
            print("dict ctx:", settings)
        print("dict after:", settings)


def decorated_function_patch():
    @patch.object(config, "mode", "fn")
    def inner():
        return current_mode()
    return inner()


print("function patch:", decorated_function_patch(), "then", current_mode())

if __name__ == "__main__":
    unittest.main()
