"""The AST guard rejects everything outside the numpy/math computation."""

from __future__ import annotations

import pytest

from ordino.evolve.guard import CodeRejected, check_code

GOOD = """\
import numpy as np
import math


def priority(p, d, w, t, rem, pmean, pmax):
    total = 0.0
    for k in range(3):
        total += k
    return np.maximum(t + p, d) + math.sqrt(2.0) * total
"""

HOSTILE = {
    "import os": "import os\ndef priority(p, d, w, t, rem, pmean, pmax):\n    return d\n",
    "import subprocess": "import subprocess\ndef priority(*a):\n    return 0\n",
    "from ctypes": "from ctypes import CDLL\ndef priority(*a):\n    return 0\n",
    "import socket": "def priority(*a):\n    import socket\n    return 0\n",
    "numpy.os": "import numpy as np\ndef priority(*a):\n    return np.os.system('id')\n",
    "numpy save": "import numpy as np\ndef priority(p, *a):\n    np.save('x', p)\n    return p\n",
    "open": "def priority(p, *a):\n    open('/etc/passwd').read()\n    return p\n",
    "eval": "def priority(p, *a):\n    return eval('p')\n",
    "exec": "def priority(p, *a):\n    exec('x = 1')\n    return p\n",
    "__import__": "def priority(p, *a):\n    return __import__('os')\n",
    "dunder attribute": "def priority(p, *a):\n    return p.__class__.__bases__\n",
    "getattr": "def priority(p, *a):\n    return getattr(p, 'shape')\n",
    "try swallows timeout": "def priority(p, *a):\n    try:\n        return p\n    except BaseException:\n"
                            "        return p\n",
    "global": "x = 1\ndef priority(p, *a):\n    global x\n    return p\n",
    "class": "class A:\n    pass\ndef priority(p, *a):\n    return p\n",
    "top-level call": "print('hi')\ndef priority(p, *a):\n    return p\n",
    "missing entry": "def other(p):\n    return p\n",
    "syntax error": "def priority(p:\n",
    "dunder string": "def priority(p, *a):\n    k = '__globals__'\n    return p\n",
    "patch numpy": "import numpy as np\nnp.maximum = np.minimum\ndef priority(p, *a):\n    return p\n",
    "patch in body": "import numpy as np\ndef priority(p, *a):\n    np.cumsum = None\n    return p\n",
    "frame walk": "def priority(p, *a):\n    g = [x.gi_frame.f_back for x in [p]]\n    return p\n",
    "numpy ma builtins": "import numpy as np\ndef priority(p, *a):\n    return np.ma.extras.ma.builtins\n",
    "format fields": "def priority(p, *a):\n    k = '{0.__class__}'.format(p)\n    return p\n",
}


def test_good_code_passes() -> None:
    tree = check_code(GOOD, "priority")
    assert tree.body


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_code_rejected(name: str) -> None:
    with pytest.raises(CodeRejected) as info:
        check_code(HOSTILE[name], "priority")
    assert str(info.value)
