"""Loading a transformers image-text-to-text model and a processor that really takes images.

transformers 5 builds Qwen2-VL / Qwen2.5-VL processors with a video processor that needs
torchvision; without it `AutoProcessor` fails, or returns a bare tokenizer that silently
drops images. `load_processor` tries the stock path, checks that the result handles images,
and otherwise assembles an image-only processor from the tokenizer and the PIL image
processor (supported for Qwen2-VL, Qwen2.5-VL and Qwen3-VL, which cover UI-TARS). Imports of
transformers happen inside the functions.
"""

from __future__ import annotations

import logging
from typing import Any

from planners.errors import PlannerError

log = logging.getLogger(__name__)
QWEN_FAMILIES = ("qwen2_vl", "qwen2_5_vl", "qwen3_vl")


def _image_only_class(model_type: str) -> type:
    import transformers

    base = {"qwen2_vl": transformers.Qwen2VLProcessor,
            "qwen2_5_vl": transformers.Qwen2_5_VLProcessor,
            "qwen3_vl": transformers.Qwen3VLProcessor}[model_type]

    class ImageOnlyProcessor(base):  # type: ignore[valid-type, misc]
        """The family's processor without its video half (no torchvision needed)."""

        def check_argument_for_proper_class(self, argument_name: str, argument: Any) -> Any:
            if argument is None and argument_name == "video_processor":
                return None
            return super().check_argument_for_proper_class(argument_name, argument)

    ImageOnlyProcessor.__name__ = f"ImageOnly{base.__name__}"
    return ImageOnlyProcessor


def handles_images(processor: Any) -> bool:
    """True when the processor has an image processor (a bare tokenizer has none)."""
    return getattr(processor, "image_processor", None) is not None


def build_image_only_processor(path: str, model_type: str) -> Any:
    """Tokenizer + PIL image processor + chat template, for the Qwen VL families."""
    from transformers import AutoImageProcessor, AutoTokenizer

    if model_type not in QWEN_FAMILIES:
        raise PlannerError(f"no image processor for {model_type!r} without torchvision; "
                           "install the torchvision that matches torch")
    tokenizer = AutoTokenizer.from_pretrained(path)
    image_processor = AutoImageProcessor.from_pretrained(path, backend="pil")
    return _image_only_class(model_type)(image_processor=image_processor, tokenizer=tokenizer,
                                         video_processor=None,
                                         chat_template=tokenizer.chat_template)


def load_processor(path: str, model_type: str) -> Any:
    """A processor that handles images: the stock one when it works, else image-only."""
    from transformers import AutoProcessor

    try:
        processor = AutoProcessor.from_pretrained(path)
        if handles_images(processor):
            return processor
        log.warning("AutoProcessor for %s ignores images; building an image-only one", path)
    except (ImportError, ValueError, OSError, TypeError, AttributeError) as e:
        log.info("AutoProcessor failed for %s (%s); building an image-only one", path, e)
    return build_image_only_processor(path, model_type)


def pick_device(device: str | None) -> str:
    import torch

    return device or ("cuda" if torch.cuda.is_available() else "cpu")


def pick_dtype(device: str, dtype: str | None) -> Any:
    import torch

    if dtype is not None:
        return getattr(torch, dtype)
    return torch.bfloat16 if device.startswith("cuda") else torch.float32


def attention_implementation(device: str) -> str:
    """flash_attention_2 on CUDA when flash_attn is installed, else sdpa."""
    if device.startswith("cuda"):
        try:
            import flash_attn  # noqa: F401
        except ImportError:
            return "sdpa"
        return "flash_attention_2"
    return "sdpa"


def load_model(path: str, device: str, dtype: Any) -> Any:
    from transformers import AutoModelForImageTextToText

    model = AutoModelForImageTextToText.from_pretrained(
        path, dtype=dtype, attn_implementation=attention_implementation(device))
    return model.to(device).eval()
