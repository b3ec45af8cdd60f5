<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivationView</name>
    <message>
        <source>Activations</source>
        <translation>Activations</translation>
    </message>
    <message>
        <source>hidden layer {k}</source>
        <translation>hidden layer {k}</translation>
    </message>
    <message>
        <source>activation variance</source>
        <translation>activation variance</translation>
    </message>
</context>
<context>
    <name>AnimationRecorder</name>
    <message>
        <source>nothing was recorded</source>
        <translation>nothing was recorded</translation>
    </message>
    <message>
        <source>{0} could not be written</source>
        <translation>{0} could not be written</translation>
    </message>
    <message>
        <source>recording stopped: {0}</source>
        <translation>recording stopped: {0}</translation>
    </message>
    <message>
        <source>recording failed: {0}</source>
        <translation>recording failed: {0}</translation>
    </message>
</context>
<context>
    <name>AxisRow</name>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
</context>
<context>
    <name>BoundaryMode</name>
    <message>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>background: P(class 1), white = 0.5 = decision boundary</source>
        <translation>background: P(class 1), white = 0.5 = decision boundary</translation>
    </message>
    <message>
        <source>background: predicted class</source>
        <translation>background: predicted class</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>class {k}</translation>
    </message>
</context>
<context>
    <name>BoundarySpread</name>
    <message>
        <source>shade: spread of the predicted probability over the T passes (its SD; darker = less sure)</source>
        <translation>shade: spread of the predicted probability over the T passes (its SD; darker = less sure)</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T-shirt/top</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Trouser</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Dress</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Coat</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandal</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Shirt</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Bag</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Ankle boot</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>Regularization</translation>
    </message>
    <message>
        <source>Data &amp; optimiser</source>
        <translation>Data &amp; optimiser</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>What is happening (under the lesson)</source>
        <translation>What is happening (under the lesson)</translation>
    </message>
    <message>
        <source>Step button</source>
        <translation>Step button</translation>
    </message>
    <message>
        <source>Reset button</source>
        <translation>Reset button</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Buttons</translation>
    </message>
    <message>
        <source>Fields: {0}</source>
        <translation>Fields: {0}</translation>
    </message>
</context>
<context>
    <name>ClassroomController</name>
    <message>
        <source>&amp;Classroom</source>
        <translation>&amp;Classroom</translation>
    </message>
    <message>
        <source>&amp;Edit exercise…</source>
        <translation>&amp;Edit exercise…</translation>
    </message>
    <message>
        <source>Choose what students see and may change; saved with the experiment.</source>
        <translation>Choose what students see and may change; saved with the experiment.</translation>
    </message>
    <message>
        <source>&amp;Show hidden controls</source>
        <translation>&amp;Show hidden controls</translation>
    </message>
    <message>
        <source>Show everything for now (the teacher&apos;s view); the exercise is unchanged.</source>
        <translation>Show everything for now (the teacher&apos;s view); the exercise is unchanged.</translation>
    </message>
    <message>
        <source>&amp;Clear exercise</source>
        <translation>&amp;Clear exercise</translation>
    </message>
    <message>
        <source>Locked in this exercise.</source>
        <translation>Locked in this exercise.</translation>
    </message>
</context>
<context>
    <name>ConvergencePlot</name>
    <message>
        <source>passes T</source>
        <translation>passes T</translation>
    </message>
    <message>
        <source>|MC mean − eval|</source>
        <translation>|MC mean − eval|</translation>
    </message>
    <message>
        <source>mean of T passes vs the eval-mode (weight-scaled) output</source>
        <translation>mean of T passes vs the eval-mode (weight-scaled) output</translation>
    </message>
    <message>
        <source>vanilla: vs the eval output without its (1-p) factor</source>
        <translation>vanilla: vs the eval output without its (1-p) factor</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>Input should be greater than {limit}</source>
        <translation>Input should be greater than {limit}</translation>
    </message>
    <message>
        <source>Input should be greater than or equal to {limit}</source>
        <translation>Input should be greater than or equal to {limit}</translation>
    </message>
    <message>
        <source>Input should be less than {limit}</source>
        <translation>Input should be less than {limit}</translation>
    </message>
    <message>
        <source>Input should be less than or equal to {limit}</source>
        <translation>Input should be less than or equal to {limit}</translation>
    </message>
    <message>
        <source>Input should be a valid number, unable to parse string as a number</source>
        <translation>Input should be a valid number, unable to parse string as a number</translation>
    </message>
    <message>
        <source>Input should be a valid number</source>
        <translation>Input should be a valid number</translation>
    </message>
    <message>
        <source>Input should be a finite number</source>
        <translation>Input should be a finite number</translation>
    </message>
    <message>
        <source>Input should be a valid integer, unable to parse string as an integer</source>
        <translation>Input should be a valid integer, unable to parse string as an integer</translation>
    </message>
    <message>
        <source>Input should be a valid integer, got a number with a fractional part</source>
        <translation>Input should be a valid integer, got a number with a fractional part</translation>
    </message>
    <message>
        <source>Input should be a valid integer</source>
        <translation>Input should be a valid integer</translation>
    </message>
    <message>
        <source>Unable to parse input string as an integer, exceeded maximum size</source>
        <translation>Unable to parse input string as an integer, exceeded maximum size</translation>
    </message>
    <message>
        <source>Input should be a valid boolean, unable to interpret input</source>
        <translation>Input should be a valid boolean, unable to interpret input</translation>
    </message>
    <message>
        <source>Input should be a valid boolean</source>
        <translation>Input should be a valid boolean</translation>
    </message>
    <message>
        <source>Input should be a valid string</source>
        <translation>Input should be a valid string</translation>
    </message>
    <message>
        <source>Input should be a valid list</source>
        <translation>Input should be a valid list</translation>
    </message>
    <message>
        <source>Input should be a valid tuple</source>
        <translation>Input should be a valid tuple</translation>
    </message>
    <message>
        <source>Input should be a valid dictionary</source>
        <translation>Input should be a valid dictionary</translation>
    </message>
    <message>
        <source>Input should be a valid dictionary or instance of {model}</source>
        <translation>Input should be a valid dictionary or instance of {model}</translation>
    </message>
    <message>
        <source>Input should be {choices}</source>
        <translation>Input should be {choices}</translation>
    </message>
    <message>
        <source>List should have at most {n} items after validation, not {m}</source>
        <translation>List should have at most {n} items after validation, not {m}</translation>
    </message>
    <message>
        <source>List should have at least {n} items after validation, not {m}</source>
        <translation>List should have at least {n} items after validation, not {m}</translation>
    </message>
    <message>
        <source>Tuple should have at most {n} items after validation, not {m}</source>
        <translation>Tuple should have at most {n} items after validation, not {m}</translation>
    </message>
    <message>
        <source>Tuple should have at least {n} items after validation, not {m}</source>
        <translation>Tuple should have at least {n} items after validation, not {m}</translation>
    </message>
    <message>
        <source>--axis &apos;{text}&apos;: expected PATH=SPEC, e.g. regularization.l2_lambda=log:1e-5:1e-1:9</source>
        <translation>--axis &apos;{text}&apos;: expected PATH=SPEC, e.g. regularization.l2_lambda=log:1e-5:1e-1:9</translation>
    </message>
    <message>
        <source>--scheduler: &apos;{address}&apos; is not a scheduler address; use tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786</source>
        <translation>--scheduler: &apos;{address}&apos; is not a scheduler address; use tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786</translation>
    </message>
    <message>
        <source>--set {path}: every variant sets this field itself ({variants}), so the value would change nothing; set it per variant, e.g. --set &apos;variants[{example}].{path}=VALUE&apos; (or variants[0].{path}=VALUE)</source>
        <translation>--set {path}: every variant sets this field itself ({variants}), so the value would change nothing; set it per variant, e.g. --set &apos;variants[{example}].{path}=VALUE&apos; (or variants[0].{path}=VALUE)</translation>
    </message>
    <message>
        <source>--set {path}: variants {variants} set this field themselves and keep their own value (address one with variants[NAME].{path}=VALUE)</source>
        <translation>--set {path}: variants {variants} set this field themselves and keep their own value (address one with variants[NAME].{path}=VALUE)</translation>
    </message>
    <message>
        <source>--set {text}: expected path=value</source>
        <translation>--set {text}: expected path=value</translation>
    </message>
    <message>
        <source>--worker-data: &apos;{value}&apos; is not allowed; use path (workers read the dataset path) or send (this computer sends the data once to each worker)</source>
        <translation>--worker-data: &apos;{value}&apos; is not allowed; use path (workers read the dataset path) or send (this computer sends the data once to each worker)</translation>
    </message>
    <message>
        <source>--workers and --scheduler need the &apos;distributed&apos; package: pip install distributed</source>
        <translation>--workers and --scheduler need the &apos;distributed&apos; package: pip install distributed</translation>
    </message>
    <message>
        <source>--workers: &apos;{workers}&apos; is not allowed; use a whole number of processes from 1 to {limit}</source>
        <translation>--workers: &apos;{workers}&apos; is not allowed; use a whole number of processes from 1 to {limit}</translation>
    </message>
    <message>
        <source>String should have at least {n} character</source>
        <translation>String should have at least {n} character</translation>
    </message>
    <message>
        <source>String should have at least {n} characters</source>
        <translation>String should have at least {n} characters</translation>
    </message>
    <message>
        <source>String should have at most {n} characters</source>
        <translation>String should have at most {n} characters</translation>
    </message>
    <message>
        <source>TensorBoard logging needs the tensorboard package ({detail}); install the tensorboard extra: pip install &apos;regularization-explorer[tensorboard]&apos;</source>
        <translation>TensorBoard logging needs the tensorboard package ({detail}); install the tensorboard extra: pip install &apos;regularization-explorer[tensorboard]&apos;</translation>
    </message>
    <message>
        <source>a chunk of {cells} cells failed on the cluster: {problem}</source>
        <translation>a chunk of {cells} cells failed on the cluster: {problem}</translation>
    </message>
    <message>
        <source>a chunk of {cells} cells was on workers that died {times} times ({problem}); the finished cells are kept: check the workers&apos; memory and rerun to go on</source>
        <translation>a chunk of {cells} cells was on workers that died {times} times ({problem}); the finished cells are kept: check the workers&apos; memory and rerun to go on</translation>
    </message>
    <message>
        <source>a frame must be (height, width, 3) uint8, got {shape} {dtype}</source>
        <translation>a frame must be (height, width, 3) uint8, got {shape} {dtype}</translation>
    </message>
    <message>
        <source>a list of {count} items</source>
        <translation>a list of {count} items</translation>
    </message>
    <message>
        <source>a number of {count} digits (at most {limit})</source>
        <translation>a number of {count} digits (at most {limit})</translation>
    </message>
    <message>
        <source>a sweep has 1 or {limit} axes, not {count}</source>
        <translation>a sweep has 1 or {limit} axes, not {count}</translation>
    </message>
    <message>
        <source>a sweep trains; the &apos;{kind}&apos; experiment is a demonstration without training</source>
        <translation>a sweep trains; the &apos;{kind}&apos; experiment is a demonstration without training</translation>
    </message>
    <message>
        <source>a table of {count} keys</source>
        <translation>a table of {count} keys</translation>
    </message>
    <message>
        <source>additive</source>
        <translation>additive</translation>
    </message>
    <message>
        <source>an integer of {count} digits</source>
        <translation>an integer of {count} digits</translation>
    </message>
    <message>
        <source>and {count} more problems</source>
        <translation>and {count} more problems</translation>
    </message>
    <message>
        <source>at least {n}</source>
        <translation>at least {n}</translation>
    </message>
    <message>
        <source>cancelling: together no better than the better one alone</source>
        <translation>cancelling: together no better than the better one alone</translation>
    </message>
    <message>
        <source>cannot record to {name}: not a file name</source>
        <translation>cannot record to {name}: not a file name</translation>
    </message>
    <message>
        <source>cannot write TensorBoard logs to {path}: {reason}</source>
        <translation>cannot write TensorBoard logs to {path}: {reason}</translation>
    </message>
    <message>
        <source>cannot write into {out} ({reason}); nothing was trained</source>
        <translation>cannot write into {out} ({reason}); nothing was trained</translation>
    </message>
    <message>
        <source>dataset.path is required for the {kind} dataset</source>
        <translation>dataset.path is required for the {kind} dataset</translation>
    </message>
    <message>
        <source>early_stopping.enabled: early stopping watches the validation split, and there is none ({field} = {size}); make {field} larger than 0 or turn early stopping off</source>
        <translation>early_stopping.enabled: early stopping watches the validation split, and there is none ({field} = {size}); make {field} larger than 0 or turn early stopping off</translation>
    </message>
    <message>
        <source>frame rate must be between 1 and {max} frames per second, got {fps}</source>
        <translation>frame rate must be between 1 and {max} frames per second, got {fps}</translation>
    </message>
    <message>
        <source>frames of {w}x{h} pixels are too large (at most {max} per side)</source>
        <translation>frames of {w}x{h} pixels are too large (at most {max} per side)</translation>
    </message>
    <message>
        <source>inverted: train mean {inverted_train}, eval {inverted_eval}; vanilla: train mean {vanilla_train}, eval {vanilla_eval}</source>
        <translation>inverted: train mean {inverted_train}, eval {inverted_eval}; vanilla: train mean {vanilla_train}, eval {vanilla_eval}</translation>
    </message>
    <message>
        <source>it asks for something else</source>
        <translation>it asks for something else</translation>
    </message>
    <message>
        <source>it asks for {what}</source>
        <translation>it asks for {what}</translation>
    </message>
    <message>
        <source>less than additive (diminishing returns)</source>
        <translation>less than additive (diminishing returns)</translation>
    </message>
    <message>
        <source>line {line}: a dotted key of more than {limit} parts</source>
        <translation>line {line}: a dotted key of more than {limit} parts</translation>
    </message>
    <message>
        <source>line {line}: a key or value of {count} characters (at most {limit} without quotes)</source>
        <translation>line {line}: a key or value of {count} characters (at most {limit} without quotes)</translation>
    </message>
    <message>
        <source>line {line}: nested more than {limit} levels deep</source>
        <translation>line {line}: nested more than {limit} levels deep</translation>
    </message>
    <message>
        <source>max_memory_mb: &apos;{value}&apos; must be a number of megabytes from 0.01 to 10,000,000</source>
        <translation>max_memory_mb: &apos;{value}&apos; must be a number of megabytes from 0.01 to 10,000,000</translation>
    </message>
    <message>
        <source>metric: &apos;{metric}&apos; is not a sweep metric; use one of {allowed}</source>
        <translation>metric: &apos;{metric}&apos; is not a sweep metric; use one of {allowed}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>more than additive</source>
        <translation>more than additive</translation>
    </message>
    <message>
        <source>more than {limit} key = value pairs (an experiment has a few hundred)</source>
        <translation>more than {limit} key = value pairs (an experiment has a few hundred)</translation>
    </message>
    <message>
        <source>more than {limit} values (an experiment has a few hundred)</source>
        <translation>more than {limit} values (an experiment has a few hundred)</translation>
    </message>
    <message>
        <source>name: a new name is for one variant; say which (variants 0 to {last})</source>
        <translation>name: a new name is for one variant; say which (variants 0 to {last})</translation>
    </message>
    <message>
        <source>no Dask scheduler answers at {address} (waited {seconds} s): start one with &apos;dask scheduler&apos; or check the address and the firewall</source>
        <translation>no Dask scheduler answers at {address} (waited {seconds} s): start one with &apos;dask scheduler&apos; or check the address and the firewall</translation>
    </message>
    <message>
        <source>no built-in presets in {folder}: the installation is incomplete (reinstall the explorer)</source>
        <translation>no built-in presets in {folder}: the installation is incomplete (reinstall the explorer)</translation>
    </message>
    <message>
        <source>one cell with {seeds} seeds needs about {need} MB to train, over the limit of {limit} MB: use fewer seeds, a smaller network or batch, or raise max_memory_mb</source>
        <translation>one cell with {seeds} seeds needs about {need} MB to train, over the limit of {limit} MB: use fewer seeds, a smaller network or batch, or raise max_memory_mb</translation>
    </message>
    <message>
        <source>place: &apos;{kind}&apos; is not allowed; use one of {allowed}</source>
        <translation>place: &apos;{kind}&apos; is not allowed; use one of {allowed}</translation>
    </message>
    <message>
        <source>seeds must be distinct</source>
        <translation>seeds must be distinct</translation>
    </message>
    <message>
        <source>seeds must be in 0 .. 2**31 - 1</source>
        <translation>seeds must be in 0 .. 2**31 - 1</translation>
    </message>
    <message>
        <source>seeds: &apos;{seeds}&apos; is not allowed; use a whole number from 1 to {limit}</source>
        <translation>seeds: &apos;{seeds}&apos; is not allowed; use a whole number from 1 to {limit}</translation>
    </message>
    <message>
        <source>sweep needs --preset NAME or an experiment FILE</source>
        <translation>sweep needs --preset NAME or an experiment FILE</translation>
    </message>
    <message>
        <source>sweep needs at least one --axis PATH=SPEC (or a [sweep] table in the experiment file)</source>
        <translation>sweep needs at least one --axis PATH=SPEC (or a [sweep] table in the experiment file)</translation>
    </message>
    <message>
        <source>the Dask scheduler at {address} has no workers (waited {seconds} s): start some with &apos;dask worker {address}&apos;</source>
        <translation>the Dask scheduler at {address} has no workers (waited {seconds} s): start some with &apos;dask worker {address}&apos;</translation>
    </message>
    <message>
        <source>the Dask scheduler at {address} went away; every finished cell is kept in the sweep folder: rerun the same command to go on</source>
        <translation>the Dask scheduler at {address} went away; every finished cell is kept in the sweep folder: rerun the same command to go on</translation>
    </message>
    <message>
        <source>the additivity readout needs the value 0 on both axes (the unregularized cell)</source>
        <translation>the additivity readout needs the value 0 on both axes (the unregularized cell)</translation>
    </message>
    <message>
        <source>the file holds a {found} network, the experiment a {expected} network</source>
        <translation>the file holds a {found} network, the experiment a {expected} network</translation>
    </message>
    <message>
        <source>the output folder name is empty (it would mean the current folder); name a folder</source>
        <translation>the output folder name is empty (it would mean the current folder); name a folder</translation>
    </message>
    <message>
        <source>the trainer could not report the run&apos;s state ({detail}); the run is stopped: press Reset to start it again</source>
        <translation>the trainer could not report the run&apos;s state ({detail}); the run is stopped: press Reset to start it again</translation>
    </message>
    <message>
        <source>this experiment needs about {needed} ({params} weights per variant, {variants} variants, batches of {batch}), but this machine has {available} available; use fewer or narrower layers, a smaller batch or fewer variants</source>
        <translation>this experiment needs about {needed} ({params} weights per variant, {variants} variants, batches of {batch}), but this machine has {available} available; use fewer or narrower layers, a smaller batch or fewer variants</translation>
    </message>
    <message>
        <source>undecided: one seed gives no uncertainty; run more seeds</source>
        <translation>undecided: one seed gives no uncertainty; run more seeds</translation>
    </message>
    <message>
        <source>use --workers N (processes on this computer) or --scheduler ADDRESS (a cluster), not both</source>
        <translation>use --workers N (processes on this computer) or --scheduler ADDRESS (a cluster), not both</translation>
    </message>
    <message>
        <source>validation_fraction + test_fraction must be below 0.95</source>
        <translation>validation_fraction + test_fraction must be below 0.95</translation>
    </message>
    <message>
        <source>{who}early_stopping.enabled: early stopping watches the validation split, and this dataset has no validation samples ({dataset}); give it some or turn early stopping off</source>
        <translation>{who}early_stopping.enabled: early stopping watches the validation split, and this dataset has no validation samples ({dataset}); give it some or turn early stopping off</translation>
    </message>
    <message>
        <source>{who}early_stopping.monitor: &apos;val_accuracy&apos; needs a classification dataset, and this one is a regression ({dataset}); monitor &apos;val_loss&apos;</source>
        <translation>{who}early_stopping.monitor: &apos;val_accuracy&apos; needs a classification dataset, and this one is a regression ({dataset}); monitor &apos;val_loss&apos;</translation>
    </message>
    <message>
        <source>nesterov needs momentum &gt; 0</source>
        <translation>nesterov needs momentum &gt; 0</translation>
    </message>
    <message>
        <source>betas must each be in [0, 1)</source>
        <translation>betas must each be in [0, 1)</translation>
    </message>
    <message>
        <source>variant {variant_name} may not change {field}: only network.layers.N.dropout_p/dropout_kind, regularization.*, optimizer.* and early_stopping.* may differ between variants</source>
        <translation>variant {variant_name} may not change {field}: only network.layers.N.dropout_p/dropout_kind, regularization.*, optimizer.* and early_stopping.* may differ between variants</translation>
    </message>
    <message>
        <source>variants[{variant_name}].{problem}</source>
        <translation>variants[{variant_name}].{problem}</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} or {last}</translation>
    </message>
    <message>
        <source>{item} is not a control id (letters, digits, &apos;.&apos;, &apos;:&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>{item} is not a control id (letters, digits, &apos;.&apos;, &apos;:&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
    <message>
        <source>variant names must be unique</source>
        <translation>variant names must be unique</translation>
    </message>
    <message>
        <source>early_stopping.monitor &apos;val_accuracy&apos; needs a classification dataset</source>
        <translation>early_stopping.monitor &apos;val_accuracy&apos; needs a classification dataset</translation>
    </message>
    <message>
        <source>variant {variant_name}: {field} names layer {n}, but the network has {m} hidden layers</source>
        <translation>variant {variant_name}: {field} names layer {n}, but the network has {m} hidden layers</translation>
    </message>
    <message>
        <source>the loss became NaN or infinite at step {step} (epoch {epoch}): training diverged. Likely cause: the learning rate ({lr}) is too large. Lower it and press Reset.</source>
        <translation>the loss became NaN or infinite at step {step} (epoch {epoch}): training diverged. Likely cause: the learning rate ({lr}) is too large. Lower it and press Reset.</translation>
    </message>
    <message>
        <source>the loss became NaN or infinite at step {step} (epoch {epoch}): training diverged. Likely cause: the learning rate ({lr}) is too large or the penalty λ (L1 {l1}, L2 {l2}) is very large. Lower it and press Reset.</source>
        <translation>the loss became NaN or infinite at step {step} (epoch {epoch}): training diverged. Likely cause: the learning rate ({lr}) is too large or the penalty λ (L1 {l1}, L2 {l2}) is very large. Lower it and press Reset.</translation>
    </message>
    <message>
        <source>variant {variant_name}: {message}</source>
        <translation>variant {variant_name}: {message}</translation>
    </message>
    <message>
        <source>finished: {epochs} epochs, {steps} steps</source>
        <translation>finished: {epochs} epochs, {steps} steps</translation>
    </message>
    <message>
        <source>early stopping at epoch {epoch} (best epoch {best}, best weights restored)</source>
        <translation>early stopping at epoch {epoch} (best epoch {best}, best weights restored)</translation>
    </message>
    <message>
        <source>early stopping at epoch {epoch} (best epoch {best})</source>
        <translation>early stopping at epoch {epoch} (best epoch {best})</translation>
    </message>
    <message>
        <source>{variant}: early stopping at epoch {epoch} (best epoch {best}, best weights restored)</source>
        <translation>{variant}: early stopping at epoch {epoch} (best epoch {best}, best weights restored)</translation>
    </message>
    <message>
        <source>{variant}: early stopping at epoch {epoch} (best epoch {best})</source>
        <translation>{variant}: early stopping at epoch {epoch} (best epoch {best})</translation>
    </message>
    <message>
        <source>experiment kind {kind} is a demonstration, not a training run</source>
        <translation>experiment kind {kind} is a demonstration, not a training run</translation>
    </message>
    <message>
        <source>the dataset has no training samples</source>
        <translation>the dataset has no training samples</translation>
    </message>
    <message>
        <source>cross-entropy needs a classification dataset; use loss &apos;mse&apos; or &apos;auto&apos;</source>
        <translation>cross-entropy needs a classification dataset; use loss &apos;mse&apos; or &apos;auto&apos;</translation>
    </message>
    <message>
        <source>MSE on class labels is not supported; use loss &apos;cross_entropy&apos; or &apos;auto&apos;</source>
        <translation>MSE on class labels is not supported; use loss &apos;cross_entropy&apos; or &apos;auto&apos;</translation>
    </message>
    <message>
        <source>no experiment loaded</source>
        <translation>no experiment loaded</translation>
    </message>
    <message>
        <source>nothing to rebuild: no experiment was loaded</source>
        <translation>nothing to rebuild: no experiment was loaded</translation>
    </message>
    <message>
        <source>a demonstration has no weights to save</source>
        <translation>a demonstration has no weights to save</translation>
    </message>
    <message>
        <source>opened checkpoint {path} (epoch {epoch}, step {step})</source>
        <translation>opened checkpoint {path} (epoch {epoch}, step {step})</translation>
    </message>
    <message>
        <source>CUDA ran out of memory while building the model; choose the CPU as device (Data panel) or a smaller network, then press Reset.</source>
        <translation>CUDA ran out of memory while building the model; choose the CPU as device (Data panel) or a smaller network, then press Reset.</translation>
    </message>
    <message>
        <source>CUDA ran out of memory during training. Choose the CPU as device (Data panel) or use a smaller network or batch, then press Reset.</source>
        <translation>CUDA ran out of memory during training. Choose the CPU as device (Data panel) or use a smaller network or batch, then press Reset.</translation>
    </message>
    <message>
        <source>training failed: {detail}</source>
        <translation>training failed: {detail}</translation>
    </message>
    <message>
        <source>{command} failed: {detail}</source>
        <translation>{command} failed: {detail}</translation>
    </message>
    <message>
        <source>CUDA was asked for but is not available here; training on the CPU.</source>
        <translation>CUDA was asked for but is not available here; training on the CPU.</translation>
    </message>
    <message>
        <source>{device} does not exist; using cuda:0.</source>
        <translation>{device} does not exist; using cuda:0.</translation>
    </message>
    <message>
        <source>unknown device {kind}; training on the CPU.</source>
        <translation>unknown device {kind}; training on the CPU.</translation>
    </message>
    <message>
        <source>{where}: unknown field (check the spelling)</source>
        <translation>{where}: unknown field (check the spelling)</translation>
    </message>
    <message>
        <source>{where}: unknown field</source>
        <translation>{where}: unknown field</translation>
    </message>
    <message>
        <source>{where}: required field is missing</source>
        <translation>{where}: required field is missing</translation>
    </message>
    <message>
        <source>{where}: no such index (there are {n})</source>
        <translation>{where}: no such index (there are {n})</translation>
    </message>
    <message>
        <source>{where}: is not a section</source>
        <translation>{where}: is not a section</translation>
    </message>
    <message>
        <source>{where}: cannot change while training (rebuild the model instead)</source>
        <translation>{where}: cannot change while training (rebuild the model instead)</translation>
    </message>
    <message>
        <source>variant {name}: holds the control character {code}; names are shown in legends, so only visible characters and spaces are allowed</source>
        <translation>variant {name}: holds the control character {code}; names are shown in legends, so only visible characters and spaces are allowed</translation>
    </message>
    <message>
        <source>variants[{key}]: no such variant; give a name or an index: {variants}</source>
        <translation>variants[{key}]: no such variant; give a name or an index: {variants}</translation>
    </message>
    <message>
        <source>variants[{key}]: the experiment has no variants</source>
        <translation>variants[{key}]: the experiment has no variants</translation>
    </message>
    <message>
        <source>worker {worker} cannot read the dataset path {path}: give the workers that path (a shared folder) or send the data from this computer (--worker-data send)</source>
        <translation>worker {worker} cannot read the dataset path {path}: give the workers that path (a shared folder) or send the data from this computer (--worker-data send)</translation>
    </message>
    <message>
        <source>worker {worker} cannot run this explorer&apos;s code ({problem}); install explorer {client_explorer} with torch {client_torch} there</source>
        <translation>worker {worker} cannot run this explorer&apos;s code ({problem}); install explorer {client_explorer} with torch {client_torch} there</translation>
    </message>
    <message>
        <source>worker {worker} is refused: it runs explorer {worker_explorer} with torch {worker_torch}, this computer explorer {client_explorer} with torch {client_torch}; install the same versions there or stop that worker</source>
        <translation>worker {worker} is refused: it runs explorer {worker_explorer} with torch {worker_torch}, this computer explorer {client_explorer} with torch {client_torch}; install the same versions there or stop that worker</translation>
    </message>
    <message>
        <source>{a} alone: gain {gain_a}; {b} alone: {gain_b}; both: {gain_both} against {sum} for the sum; interaction {interaction} ± {se} over {n} seeds: {verdict}</source>
        <translation>{a} alone: gain {gain_a}; {b} alone: {gain_b}; both: {gain_both} against {sum} for the sum; interaction {interaction} ± {se} over {n} seeds: {verdict}</translation>
    </message>
    <message>
        <source>{count} weights missing ({keys})</source>
        <translation>{count} weights missing ({keys})</translation>
    </message>
    <message>
        <source>{count} weights the experiment does not have ({keys})</source>
        <translation>{count} weights the experiment does not have ({keys})</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos; gives the same value twice</source>
        <translation>{field}: &apos;{spec}&apos; gives the same value twice</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos; is not a range; use values (0,0.1,0.5), log:START:STOP:N or lin:START:STOP:N</source>
        <translation>{field}: &apos;{spec}&apos; is not a range; use values (0,0.1,0.5), log:START:STOP:N or lin:START:STOP:N</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos; needs a whole number of values N from 1 to 10,000 after the last colon</source>
        <translation>{field}: &apos;{spec}&apos; needs a whole number of values N from 1 to 10,000 after the last colon</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos;: a log range must stay above 0 (e.g. log:1e-5:1e-1:9); add 0 as an explicit value in a list instead</source>
        <translation>{field}: &apos;{spec}&apos;: a log range must stay above 0 (e.g. log:1e-5:1e-1:9); add 0 as an explicit value in a list instead</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos;: this field takes whole numbers only</source>
        <translation>{field}: &apos;{spec}&apos;: this field takes whole numbers only</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; is not a finite number</source>
        <translation>{field}: &apos;{value}&apos; is not a finite number</translation>
    </message>
    <message>
        <source>{field}: cannot be swept; the fields that can: {allowed}</source>
        <translation>{field}: cannot be swept; the fields that can: {allowed}</translation>
    </message>
    <message>
        <source>{field}: swept twice; give each field one axis</source>
        <translation>{field}: swept twice; give each field one axis</translation>
    </message>
    <message>
        <source>{field}: the network has {layers} hidden layers (indices 0 to {last})</source>
        <translation>{field}: the network has {layers} hidden layers (indices 0 to {last})</translation>
    </message>
    <message>
        <source>{field}: unknown scale &apos;{scale}&apos;; use log:START:STOP:N or lin:START:STOP:N</source>
        <translation>{field}: unknown scale &apos;{scale}&apos;; use log:START:STOP:N or lin:START:STOP:N</translation>
    </message>
    <message>
        <source>{field}: {sizes} = {cells} cells is over the limit of {limit} cells; use fewer values</source>
        <translation>{field}: {sizes} = {cells} cells is over the limit of {limit} cells; use fewer values</translation>
    </message>
    <message>
        <source>{folder} holds another sweep ({what} differs): choose a new --out folder or delete it</source>
        <translation>{folder} holds another sweep ({what} differs): choose a new --out folder or delete it</translation>
    </message>
    <message>
        <source>{folder}/sweep.json cannot be read ({problem}): choose a new --out folder</source>
        <translation>{folder}/sweep.json cannot be read ({problem}): choose a new --out folder</translation>
    </message>
    <message>
        <source>{key} is {found} in the file, {expected} in the experiment</source>
        <translation>{key} is {found} in the file, {expected} in the experiment</translation>
    </message>
    <message>
        <source>{messages}</source>
        <translation>{messages}</translation>
    </message>
    <message>
        <source>{name} does not fit its experiment: {differences}</source>
        <translation>{name} does not fit its experiment: {differences}</translation>
    </message>
    <message>
        <source>{name}: reading {rows} of its {total} items</source>
        <translation>{name}: reading {rows} of its {total} items</translation>
    </message>
    <message>
        <source>{name}: refused: the file declares {declared} of tensors, but a checkpoint of its experiment holds at most {bound}; opening it would fill the memory</source>
        <translation>{name}: refused: the file declares {declared} of tensors, but a checkpoint of its experiment holds at most {bound}; opening it would fill the memory</translation>
    </message>
    <message>
        <source>{name}: refused: the file holds objects other than tensors and plain values ({asks}), which could run code when loaded; it was not opened</source>
        <translation>{name}: refused: the file holds objects other than tensors and plain values ({asks}), which could run code when loaded; it was not opened</translation>
    </message>
    <message>
        <source>{name}: row {row} has {count} columns; at most {limit} (10,000 inputs and the target) are read</source>
        <translation>{name}: row {row} has {count} columns; at most {limit} (10,000 inputs and the target) are read</translation>
    </message>
    <message>
        <source>{name}: {cells} cells</source>
        <translation>{name}: {cells} cells</translation>
    </message>
    <message>
        <source>{out} exists and is not a folder</source>
        <translation>{out} exists and is not a folder</translation>
    </message>
    <message>
        <source>{out} is in use by another run; choose another output folder or let that run end</source>
        <translation>{out} is in use by another run; choose another output folder or let that run end</translation>
    </message>
    <message>
        <source>{path}: a variant may change only network.layers.N.dropout_p/dropout_kind, regularization.*, optimizer.* and early_stopping.*</source>
        <translation>{path}: a variant may change only network.layers.N.dropout_p/dropout_kind, regularization.*, optimizer.* and early_stopping.*</translation>
    </message>
    <message>
        <source>{path}: unknown field {field}</source>
        <translation>{path}: unknown field {field}</translation>
    </message>
    <message>
        <source>{prefix}{problem}</source>
        <translation>{prefix}{problem}</translation>
    </message>
    <message>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
    <message>
        <source>{problem} (a value of the sweep over {field})</source>
        <translation>{problem} (a value of the sweep over {field})</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>{what} needs {needed}, but this machine has {available} available</source>
        <translation>{what} needs {needed}, but this machine has {available} available</translation>
    </message>
    <message>
        <source>{where}: a key of {count} characters (at most {limit}): {key}</source>
        <translation>{where}: a key of {count} characters (at most {limit}): {key}</translation>
    </message>
    <message>
        <source>{where}: a list of {count} items (at most {limit})</source>
        <translation>{where}: a list of {count} items (at most {limit})</translation>
    </message>
    <message>
        <source>{where}: a table of {count} keys (at most {limit})</source>
        <translation>{where}: a table of {count} keys (at most {limit})</translation>
    </message>
    <message>
        <source>{where}: each axis needs path = &quot;FIELD&quot; and values = &quot;SPEC&quot; or a list</source>
        <translation>{where}: each axis needs path = &quot;FIELD&quot; and values = &quot;SPEC&quot; or a list</translation>
    </message>
    <message>
        <source>{where}: must be a table with axes = [...] and seeds = N</source>
        <translation>{where}: must be a table with axes = [...] and seeds = N</translation>
    </message>
    <message>
        <source>{where}: must be one of {choices} (got {value})</source>
        <translation>{where}: must be one of {choices} (got {value})</translation>
    </message>
    <message>
        <source>{where}: nested more than {limit} levels deep</source>
        <translation>{where}: nested more than {limit} levels deep</translation>
    </message>
    <message>
        <source>{where}: unknown key &apos;{key}&apos;; allowed: {allowed}</source>
        <translation>{where}: unknown key &apos;{key}&apos;; allowed: {allowed}</translation>
    </message>
    <message>
        <source>{where}: {msg} (got {value})</source>
        <translation>{where}: {msg} (got {value})</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <source>{where}: must be a table/object of fields, got {type}</source>
        <translation>{where}: must be a table/object of fields, got {type}</translation>
    </message>
    <message>
        <source>variant {variant_index}: the experiment has no variants</source>
        <translation>variant {variant_index}: the experiment has no variants</translation>
    </message>
    <message>
        <source>variant {variant_index}: no such variant (there are {n})</source>
        <translation>variant {variant_index}: no such variant (there are {n})</translation>
    </message>
    <message>
        <source>schema_version: this file was written by a newer explorer (version {version}); this one reads up to version {max}</source>
        <translation>schema_version: this file was written by a newer explorer (version {version}); this one reads up to version {max}</translation>
    </message>
    <message>
        <source>experiment: nested too deeply to be an experiment file</source>
        <translation>experiment: nested too deeply to be an experiment file</translation>
    </message>
    <message>
        <source>not valid {fmt}: nested too deeply to be an experiment file</source>
        <translation>not valid {fmt}: nested too deeply to be an experiment file</translation>
    </message>
    <message>
        <source>not valid {fmt}: {detail}</source>
        <translation>not valid {fmt}: {detail}</translation>
    </message>
    <message>
        <source>{name}: too large for an experiment file ({size} bytes)</source>
        <translation>{name}: too large for an experiment file ({size} bytes)</translation>
    </message>
    <message>
        <source>{name}: not UTF-8 text</source>
        <translation>{name}: not UTF-8 text</translation>
    </message>
    <message>
        <source>unknown preset {preset}; the presets are: {names}</source>
        <translation>unknown preset {preset}; the presets are: {names}</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>cannot read {name}: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: the disk is full</source>
        <translation>cannot write {path}: the disk is full</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>{name}: {size} bytes is too large for an explorer checkpoint</source>
        <translation>{name}: {size} bytes is too large for an explorer checkpoint</translation>
    </message>
    <message>
        <source>{name}: not an explorer checkpoint (not a PyTorch zip file, or truncated)</source>
        <translation>{name}: not an explorer checkpoint (not a PyTorch zip file, or truncated)</translation>
    </message>
    <message>
        <source>{name}: corrupt or truncated checkpoint ({detail})</source>
        <translation>{name}: corrupt or truncated checkpoint ({detail})</translation>
    </message>
    <message>
        <source>{name}: not a Regularization Explorer checkpoint</source>
        <translation>{name}: not a Regularization Explorer checkpoint</translation>
    </message>
    <message>
        <source>{name}: checkpoint has no format version</source>
        <translation>{name}: checkpoint has no format version</translation>
    </message>
    <message>
        <source>{name}: written by a newer Regularization Explorer (checkpoint format {format}, version {app_version}); this version reads format {max} or older. Update the explorer to open it.</source>
        <translation>{name}: written by a newer Regularization Explorer (checkpoint format {format}, version {app_version}); this version reads format {max} or older. Update the explorer to open it.</translation>
    </message>
    <message>
        <source>{name}: its experiment is invalid: {problems}</source>
        <translation>{name}: its experiment is invalid: {problems}</translation>
    </message>
    <message>
        <source>{name}: checkpoint is missing required entries</source>
        <translation>{name}: checkpoint is missing required entries</translation>
    </message>
    <message>
        <source>checkpoint and experiment disagree on the number of variants</source>
        <translation>checkpoint and experiment disagree on the number of variants</translation>
    </message>
    <message>
        <source>checkpoint does not fit its experiment: {detail}</source>
        <translation>checkpoint does not fit its experiment: {detail}</translation>
    </message>
    <message>
        <source>unknown dataset kind {kind}</source>
        <translation>unknown dataset kind {kind}</translation>
    </message>
    <message>
        <source>highdim: {samples} samples x {inputs} inputs is {values} values, more than the {max} this explorer draws; lower n_train/n_val/n_test or input_dim</source>
        <translation>highdim: {samples} samples x {inputs} inputs is {values} values, more than the {max} this explorer draws; lower n_train/n_val/n_test or input_dim</translation>
    </message>
    <message>
        <source>only {n} samples: nothing left for training after the validation and test fractions</source>
        <translation>only {n} samples: nothing left for training after the validation and test fractions</translation>
    </message>
    <message>
        <source>only {n} images: nothing left for training after the validation and test fractions</source>
        <translation>only {n} images: nothing left for training after the validation and test fractions</translation>
    </message>
    <message>
        <source>only {n} rows: nothing left for training after the validation and test fractions</source>
        <translation>only {n} rows: nothing left for training after the validation and test fractions</translation>
    </message>
    <message>
        <source>cannot read the digits data {path}: {detail}</source>
        <translation>cannot read the digits data {path}: {detail}</translation>
    </message>
    <message>
        <source>{name}: expected 65 columns (64 pixels and the label), found {shape}</source>
        <translation>{name}: expected 65 columns (64 pixels and the label), found {shape}</translation>
    </message>
    <message>
        <source>idx dataset: {path} does not exist</source>
        <translation>idx dataset: {path} does not exist</translation>
    </message>
    <message>
        <source>{name}: found {n} IDX images files ({files}); expected one pair, or one train and one t10k/test pair</source>
        <translation>{name}: found {n} IDX images files ({files}); expected one pair, or one train and one t10k/test pair</translation>
    </message>
    <message>
        <source>{name}: images are {shape}, but {other} has {other_shape}</source>
        <translation>{name}: images are {shape}, but {other} has {other_shape}</translation>
    </message>
    <message>
        <source>csv dataset: {path} is not a file</source>
        <translation>csv dataset: {path} is not a file</translation>
    </message>
    <message>
        <source>{name}: the target column {target} has a single value ({number}); nothing to learn</source>
        <translation>{name}: the target column {target} has a single value ({number}); nothing to learn</translation>
    </message>
    <message>
        <source>{name}: not UTF-8 text (byte {byte} in row {row}); save it as UTF-8 CSV</source>
        <translation>{name}: not UTF-8 text (byte {byte} in row {row}); save it as UTF-8 CSV</translation>
    </message>
    <message>
        <source>{name}: too large ({size} bytes; at most {max})</source>
        <translation>{name}: too large ({size} bytes; at most {max})</translation>
    </message>
    <message>
        <source>{name}: only one column; need at least one input column and the target (last) column</source>
        <translation>{name}: only one column; need at least one input column and the target (last) column</translation>
    </message>
    <message>
        <source>{name}: row {row} has {cells} cells, expected {width} (like row {first})</source>
        <translation>{name}: row {row} has {cells} cells, expected {width} (like row {first})</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {column} ({header}): missing value</source>
        <translation>{name}: row {row}, column {column} ({header}): missing value</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {column} ({header}): {cell} is not a number</source>
        <translation>{name}: row {row}, column {column} ({header}): {cell} is not a number</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {column} ({header}): {cell} is not a finite number</source>
        <translation>{name}: row {row}, column {column} ({header}): {cell} is not a finite number</translation>
    </message>
    <message>
        <source>{name}: row {row}: malformed CSV ({detail})</source>
        <translation>{name}: row {row}: malformed CSV ({detail})</translation>
    </message>
    <message>
        <source>{name}: the file is empty</source>
        <translation>{name}: the file is empty</translation>
    </message>
    <message>
        <source>{name}: has a header row but no data rows</source>
        <translation>{name}: has a header row but no data rows</translation>
    </message>
    <message>
        <source>{name}: corrupt or truncated gzip data ({detail})</source>
        <translation>{name}: corrupt or truncated gzip data ({detail})</translation>
    </message>
    <message>
        <source>{name}: not an IDX file (its first bytes are {head}, expected 0000 followed by a type code and a dimension count)</source>
        <translation>{name}: not an IDX file (its first bytes are {head}, expected 0000 followed by a type code and a dimension count)</translation>
    </message>
    <message>
        <source>{name}: unknown IDX data type code {code} (known codes: {known})</source>
        <translation>{name}: unknown IDX data type code {code} (known codes: {known})</translation>
    </message>
    <message>
        <source>{name}: IDX header declares 0 dimensions</source>
        <translation>{name}: IDX header declares 0 dimensions</translation>
    </message>
    <message>
        <source>{name}: truncated IDX header: expected {expected} bytes of dimensions for {ndim} dimensions, found {found}</source>
        <translation>{name}: truncated IDX header: expected {expected} bytes of dimensions for {ndim} dimensions, found {found}</translation>
    </message>
    <message>
        <source>{name}: negative dimension in IDX header {dims}</source>
        <translation>{name}: negative dimension in IDX header {dims}</translation>
    </message>
    <message>
        <source>{name}: IDX header declares dimensions {dims} ({bytes} bytes), more than the {max} bytes this reader accepts</source>
        <translation>{name}: IDX header declares dimensions {dims} ({bytes} bytes), more than the {max} bytes this reader accepts</translation>
    </message>
    <message>
        <source>{name}: truncated IDX data: expected {expected} bytes for dimensions {dims}, found {found}</source>
        <translation>{name}: truncated IDX data: expected {expected} bytes for dimensions {dims}, found {found}</translation>
    </message>
    <message>
        <source>{name}: {extra} bytes of trailing garbage after the IDX data (dimensions {dims} take {bytes} bytes)</source>
        <translation>{name}: {extra} bytes of trailing garbage after the IDX data (dimensions {dims} take {bytes} bytes)</translation>
    </message>
    <message>
        <source>{name}: not an IDX images file name (expected a name containing &apos;images-idx3-ubyte&apos;)</source>
        <translation>{name}: not an IDX images file name (expected a name containing &apos;images-idx3-ubyte&apos;)</translation>
    </message>
    <message>
        <source>{name}: no labels file beside it (expected {file})</source>
        <translation>{name}: no labels file beside it (expected {file})</translation>
    </message>
    <message>
        <source>cannot list {folder}: {reason}</source>
        <translation>cannot list {folder}: {reason}</translation>
    </message>
    <message>
        <source>{name}: no IDX images file (*images-idx3-ubyte or *images-idx3-ubyte.gz) in this folder</source>
        <translation>{name}: no IDX images file (*images-idx3-ubyte or *images-idx3-ubyte.gz) in this folder</translation>
    </message>
    <message>
        <source>{name}: expected images of shape (N, height, width), found shape {shape}</source>
        <translation>{name}: expected images of shape (N, height, width), found shape {shape}</translation>
    </message>
    <message>
        <source>{name}: expected labels of shape (N,), found shape {shape}</source>
        <translation>{name}: expected labels of shape (N,), found shape {shape}</translation>
    </message>
    <message>
        <source>{name}: labels must be integers, found {dtype}</source>
        <translation>{name}: labels must be integers, found {dtype}</translation>
    </message>
    <message>
        <source>{name} has {images} images but {other} has {labels} labels</source>
        <translation>{name} has {images} images but {other} has {labels} labels</translation>
    </message>
    <message>
        <source>{name}: holds no images</source>
        <translation>{name}: holds no images</translation>
    </message>
    <message>
        <source>{name}: negative label {label}</source>
        <translation>{name}: negative label {label}</translation>
    </message>
    <message>
        <source>{name}: label {label} is too large (at most 999 classes)</source>
        <translation>{name}: label {label} is too large (at most 999 classes)</translation>
    </message>
    <message>
        <source>IDX images contain non-finite values</source>
        <translation>IDX images contain non-finite values</translation>
    </message>
    <message>
        <source>cannot record to {name}: use a .gif or .mp4 file name</source>
        <translation>cannot record to {name}: use a .gif or .mp4 file name</translation>
    </message>
    <message>
        <source>{name}: the recording is already finished</source>
        <translation>{name}: the recording is already finished</translation>
    </message>
    <message>
        <source>{name}: no frames were recorded; nothing written</source>
        <translation>{name}: no frames were recorded; nothing written</translation>
    </message>
    <message>
        <source>{name}: a GIF of {w}x{h} holds at most {frames} frames; record an MP4 for longer runs</source>
        <translation>{name}: a GIF of {w}x{h} holds at most {frames} frames; record an MP4 for longer runs</translation>
    </message>
    <message>
        <source>MP4 needs imageio and imageio-ffmpeg ({detail}); pip install imageio imageio-ffmpeg</source>
        <translation>MP4 needs imageio and imageio-ffmpeg ({detail}); pip install imageio imageio-ffmpeg</translation>
    </message>
    <message>
        <source>cannot start the MP4 encoder for {name}: {detail}</source>
        <translation>cannot start the MP4 encoder for {name}: {detail}</translation>
    </message>
    <message>
        <source>variant name</source>
        <translation>variant name</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>mirror &apos;{url}&apos; is not an http:// or https:// URL (a base URL under which the four files have their upstream names)</source>
        <translation>mirror &apos;{url}&apos; is not an http:// or https:// URL (a base URL under which the four files have their upstream names)</translation>
    </message>
    <message>
        <source>download of {title} cancelled; nothing half downloaded was kept</source>
        <translation>download of {title} cancelled; nothing half downloaded was kept</translation>
    </message>
    <message>
        <source>cannot copy {name} into {folder}: {reason}</source>
        <translation>cannot copy {name} into {folder}: {reason}</translation>
    </message>
    <message>
        <source>{title}: could not download {name} from any mirror ({reasons}). Offline? Copy the four files ({files}) into {folder}, or import a folder that holds them (python -m explorer data import {kind} FOLDER)</source>
        <translation>{title}: could not download {name} from any mirror ({reasons}). Offline? Copy the four files ({files}) into {folder}, or import a folder that holds them (python -m explorer data import {kind} FOLDER)</translation>
    </message>
    <message>
        <source>{title}: {problems}</source>
        <translation>{title}: {problems}</translation>
    </message>
    <message>
        <source>{name}: {problem} (not imported)</source>
        <translation>{name}: {problem} (not imported)</translation>
    </message>
    <message>
        <source>{name}: md5 {got} does not match the published checksum {expected} (not imported)</source>
        <translation>{name}: md5 {got} does not match the published checksum {expected} (not imported)</translation>
    </message>
    <message>
        <source>{folder}: missing {names} (the {title} files keep their upstream names)</source>
        <translation>{folder}: missing {names} (the {title} files keep their upstream names)</translation>
    </message>
    <message>
        <source>{name}: found uncompressed; the published checksums are of the .gz files (use those, or train on this folder with the idx dataset kind)</source>
        <translation>{name}: found uncompressed; the published checksums are of the .gz files (use those, or train on this folder with the idx dataset kind)</translation>
    </message>
    <message>
        <source>Data in use: {title}, the set this lesson was written for ({n_train} training, {n_val} validation and {n_test} test images).</source>
        <translation>Data in use: {title}, the set this lesson was written for ({n_train} training, {n_val} validation and {n_test} test images).</translation>
    </message>
    <message>
        <source>Data in use: the built-in 8x8 digits, so this runs offline. The lesson was written for {title}: one click uses it (Use {title}), or fetch it with python -m explorer data fetch {kind}.</source>
        <translation>Data in use: the built-in 8x8 digits, so this runs offline. The lesson was written for {title}: one click uses it (Use {title}), or fetch it with python -m explorer data fetch {kind}.</translation>
    </message>
    <message>
        <source>{url}: checksum does not match the published md5 {expected} (refused, nothing kept)</source>
        <translation>{url}: checksum does not match the published md5 {expected} (refused, nothing kept)</translation>
    </message>
    <message>
        <source>{url}: {reason}</source>
        <translation>{url}: {reason}</translation>
    </message>
    <message>
        <source>{url}: {reason} ({tries} tries)</source>
        <translation>{url}: {reason} ({tries} tries)</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path} is not a folder</translation>
    </message>
    <message>
        <source>{name}: expected unsigned-byte pixels, found {dtype}</source>
        <translation>{name}: expected unsigned-byte pixels, found {dtype}</translation>
    </message>
    <message>
        <source>{title} is not downloaded yet (missing: {missing}). Fetch it (python -m explorer data fetch {kind}), copy the four files into {folder}, or import a folder that holds them (python -m explorer data import {kind} FOLDER)</source>
        <translation>{title} is not downloaded yet (missing: {missing}). Fetch it (python -m explorer data fetch {kind}), copy the four files into {folder}, or import a folder that holds them (python -m explorer data import {kind} FOLDER)</translation>
    </message>
    <message>
        <source>{name} was refused and removed: its md5 {got} does not match the published checksum {expected}; fetch or import it again</source>
        <translation>{name} was refused and removed: its md5 {got} does not match the published checksum {expected}; fetch or import it again</translation>
    </message>
    <message>
        <source>unknown data set &apos;{kind}&apos;; the downloadable sets are: {known}</source>
        <translation>unknown data set &apos;{kind}&apos;; the downloadable sets are: {known}</translation>
    </message>
</context>
<context>
    <name>CurveBands</name>
    <message>
        <source>mean of T passes</source>
        <translation>mean of T passes</translation>
    </message>
    <message>
        <source>±2 SD of the passes</source>
        <translation>±2 SD of the passes</translation>
    </message>
    <message>
        <source>single passes (faint)</source>
        <translation>single passes (faint)</translation>
    </message>
</context>
<context>
    <name>CurveMode</name>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>prediction</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>true curve</source>
        <translation>true curve</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>DataDownload</name>
    <message>
        <source>Folder with the {0} files</source>
        <translation>Folder with the {0} files</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Data set</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Downloading {0} (about {1} MB, once; it is kept in {2})…</source>
        <translation>Downloading {0} (about {1} MB, once; it is kept in {2})…</translation>
    </message>
    <message>
        <source>Importing {0} from {1}…</source>
        <translation>Importing {0} from {1}…</translation>
    </message>
    <message>
        <source>Downloading {0}: file {1} of {2} ({3}), {4} of {5} MB</source>
        <translation>Downloading {0}: file {1} of {2} ({3}), {4} of {5} MB</translation>
    </message>
    <message>
        <source>{0} is ready: training starts</source>
        <translation>{0} is ready: training starts</translation>
    </message>
    <message>
        <source>Download of {0} cancelled; nothing half downloaded was kept</source>
        <translation>Download of {0} cancelled; nothing half downloaded was kept</translation>
    </message>
    <message>
        <source>{0} is not available</source>
        <translation>{0} is not available</translation>
    </message>
    <message>
        <source>{0} could not be downloaded or imported.</source>
        <translation>{0} could not be downloaded or imported.</translation>
    </message>
    <message>
        <source>Two ways out:
1. Copy the four files ({0}) into this folder, then choose {1} again:
{2}
2. Import a folder that holds them (a USB stick): Import folder…</source>
        <translation>Two ways out:
1. Copy the four files ({0}) into this folder, then choose {1} again:
{2}
2. Import a folder that holds them (a USB stick): Import folder…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>{0} could not be downloaded: {1}</source>
        <translation>{0} could not be downloaded: {1}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Demonstration</source>
        <translation>Demonstration</translation>
    </message>
    <message>
        <source>dropout p</source>
        <translation>dropout p</translation>
    </message>
    <message>
        <source>inputs n</source>
        <translation>inputs n</translation>
    </message>
    <message>
        <source>train-mode passes</source>
        <translation>train-mode passes</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>line y = 1.5x + noise</source>
        <translation>line y = 1.5x + noise</translation>
    </message>
    <message>
        <source>sine curve</source>
        <translation>sine curve</translation>
    </message>
    <message>
        <source>x sin x (uncertainty demo)</source>
        <translation>x sin x (uncertainty demo)</translation>
    </message>
    <message>
        <source>parabola y = x²</source>
        <translation>parabola y = x²</translation>
    </message>
    <message>
        <source>high-dimensional linear</source>
        <translation>high-dimensional linear</translation>
    </message>
    <message>
        <source>circles (2-D)</source>
        <translation>circles (2-D)</translation>
    </message>
    <message>
        <source>XOR (2-D)</source>
        <translation>XOR (2-D)</translation>
    </message>
    <message>
        <source>two Gaussians (2-D)</source>
        <translation>two Gaussians (2-D)</translation>
    </message>
    <message>
        <source>spiral (2-D)</source>
        <translation>spiral (2-D)</translation>
    </message>
    <message>
        <source>moons (2-D)</source>
        <translation>moons (2-D)</translation>
    </message>
    <message>
        <source>digits 8×8 images</source>
        <translation>digits 8×8 images</translation>
    </message>
    <message>
        <source>Fashion-MNIST 28×28 (downloaded once)</source>
        <translation>Fashion-MNIST 28×28 (downloaded once)</translation>
    </message>
    <message>
        <source>MNIST digits 28×28 (downloaded once)</source>
        <translation>MNIST digits 28×28 (downloaded once)</translation>
    </message>
    <message>
        <source>IDX images (MNIST)…</source>
        <translation>IDX images (MNIST)…</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV file…</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>dataset</translation>
    </message>
    <message>
        <source>choose a file or folder</source>
        <translation>choose a file or folder</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>noise σ</source>
        <translation>noise σ</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>training points</translation>
    </message>
    <message>
        <source>validation points</source>
        <translation>validation points</translation>
    </message>
    <message>
        <source>test points</source>
        <translation>test points</translation>
    </message>
    <message>
        <source>inputs d</source>
        <translation>inputs d</translation>
    </message>
    <message>
        <source>validation share</source>
        <translation>validation share</translation>
    </message>
    <message>
        <source>test share</source>
        <translation>test share</translation>
    </message>
    <message>
        <source>max samples</source>
        <translation>max samples</translation>
    </message>
    <message>
        <source>Regenerate data (new seed)</source>
        <translation>Regenerate data (new seed)</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Optimiser</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>optimiser</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>learning rate η</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>momentum μ</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>full batch</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>batch size</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>epochs</translation>
    </message>
    <message>
        <source>training seed</source>
        <translation>training seed</translation>
    </message>
    <message>
        <source>seeds per variant</source>
        <translation>seeds per variant</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> epochs</translation>
    </message>
    <message>
        <source>evaluate every</source>
        <translation>evaluate every</translation>
    </message>
    <message>
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <source>folder with *-idx3-ubyte files</source>
        <translation>folder with *-idx3-ubyte files</translation>
    </message>
    <message>
        <source>a .csv file</source>
        <translation>a .csv file</translation>
    </message>
    <message>
        <source>in use: {0}</source>
        <translation>in use: {0}</translation>
    </message>
    <message>
        <source> (CUDA not available: fell back to the CPU)</source>
        <translation> (CUDA not available: fell back to the CPU)</translation>
    </message>
    <message>
        <source>CUDA GPU ({0})</source>
        <translation>CUDA GPU ({0})</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>CUDA GPU ({0} found)</source>
        <translation>CUDA GPU ({0} found)</translation>
    </message>
    <message>
        <source>CUDA GPU (none found)</source>
        <translation>CUDA GPU (none found)</translation>
    </message>
    <message>
        <source>auto (GPU if present)</source>
        <translation>auto (GPU if present)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Choose the {0} for the {1} dataset (Browse…)</source>
        <translation>Choose the {0} for the {1} dataset (Browse…)</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>Folder with IDX files</source>
        <translation>Folder with IDX files</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.csv.gz);;All files (*)</source>
        <translation>CSV files (*.csv *.csv.gz);;All files (*)</translation>
    </message>
    <message>
        <source>The {0} dataset needs a path</source>
        <translation>The {0} dataset needs a path</translation>
    </message>
</context>
<context>
    <name>ExerciseDialog</name>
    <message>
        <source>Edit exercise</source>
        <translation>Edit exercise</translation>
    </message>
    <message>
        <source>Tick what students should not see, and the fields they may look at but not change. Save the experiment (File ▸ Save experiment) to hand the exercise out.</source>
        <translation>Tick what students should not see, and the fields they may look at but not change. Save the experiment (File ▸ Save experiment) to hand the exercise out.</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>FigureExportDialog</name>
    <message>
        <source>Screen size × 1</source>
        <translation>Screen size × 1</translation>
    </message>
    <message>
        <source>Screen size × 2 (sharp on high-DPI screens)</source>
        <translation>Screen size × 2 (sharp on high-DPI screens)</translation>
    </message>
    <message>
        <source>Screen size × 3</source>
        <translation>Screen size × 3</translation>
    </message>
    <message>
        <source>Full HD 1920 × 1080 (projector)</source>
        <translation>Full HD 1920 × 1080 (projector)</translation>
    </message>
    <message>
        <source>4K 3840 × 2160 (4K projector)</source>
        <translation>4K 3840 × 2160 (4K projector)</translation>
    </message>
    <message>
        <source>Print, A4 landscape at 300 dpi (3508 × 2480)</source>
        <translation>Print, A4 landscape at 300 dpi (3508 × 2480)</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>Custom size</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Export figures</translation>
    </message>
    <message>
        <source>The figures are written here, one file per view and format (fit.png, loss.svg, …) plus the whole dashboard.</source>
        <translation>The figures are written here, one file per view and format (fit.png, loss.svg, …) plus the whole dashboard.</translation>
    </message>
    <message>
        <source>Export figures to folder</source>
        <translation>Export figures to folder</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Every view, and the whole dashboard</source>
        <translation>Every view, and the whole dashboard</translation>
    </message>
    <message>
        <source>The whole dashboard only</source>
        <translation>The whole dashboard only</translation>
    </message>
    <message>
        <source>View: {0}</source>
        <translation>View: {0}</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>Figures:</translation>
    </message>
    <message>
        <source>Pixels: slides, web pages, chat</source>
        <translation>Pixels: slides, web pages, chat</translation>
    </message>
    <message>
        <source>Vectors: editable in Inkscape or Illustrator, sharp at any size</source>
        <translation>Vectors: editable in Inkscape or Illustrator, sharp at any size</translation>
    </message>
    <message>
        <source>Vectors: LaTeX documents and printed handouts</source>
        <translation>Vectors: LaTeX documents and printed handouts</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formats:</translation>
    </message>
    <message>
        <source>Only PNG has a pixel size; SVG and PDF are vectors and stay sharp at any size.</source>
        <translation>Only PNG has a pixel size; SVG and PDF are vectors and stay sharp at any size.</translation>
    </message>
    <message>
        <source>PNG size:</source>
        <translation>PNG size:</translation>
    </message>
    <message>
        <source>Custom size:</source>
        <translation>Custom size:</translation>
    </message>
    <message>
        <source>Print style: white background, black ink, no grid</source>
        <translation>Print style: white background, black ink, no grid</translation>
    </message>
    <message>
        <source>For slides and handouts, also when the app shows a dark theme. Variant colours stay the same.</source>
        <translation>For slides and handouts, also when the app shows a dark theme. Variant colours stay the same.</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Style:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Choose a folder for the figures.</source>
        <translation>Choose a folder for the figures.</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>Choose at least one format.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>the name contains a NUL character</source>
        <translation>the name contains a NUL character</translation>
    </message>
    <message>
        <source>{0} is not a file name</source>
        <translation>{0} is not a file name</translation>
    </message>
    <message>
        <source>the name {0}… is too long for the file system</source>
        <translation>the name {0}… is too long for the file system</translation>
    </message>
    <message>
        <source>{0} is a folder</source>
        <translation>{0} is a folder</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder</source>
        <translation>{0} is a file, not a folder</translation>
    </message>
    <message>
        <source>the folder {0} is not writable</source>
        <translation>the folder {0} is not writable</translation>
    </message>
    <message>
        <source>the clipboard holds no experiment text</source>
        <translation>the clipboard holds no experiment text</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} bytes</translation>
    </message>
    <message>
        <source>Open chec&amp;kpoint…</source>
        <translation>Open chec&amp;kpoint…</translation>
    </message>
    <message>
        <source>Open a saved checkpoint: look at its weights, histograms and history, or press Play to continue training it</source>
        <translation>Open a saved checkpoint: look at its weights, histograms and history, or press Play to continue training it</translation>
    </message>
    <message>
        <source>Export &amp;best weights (best.pt)…</source>
        <translation>Export &amp;best weights (best.pt)…</translation>
    </message>
    <message>
        <source>The weights early stopping restored (the best validation epoch), as a checkpoint</source>
        <translation>The weights early stopping restored (the best validation epoch), as a checkpoint</translation>
    </message>
    <message>
        <source>Export &amp;metrics (CSV, JSON)…</source>
        <translation>Export &amp;metrics (CSV, JSON)…</translation>
    </message>
    <message>
        <source>The history as a table: one row per evaluation, one column group per variant</source>
        <translation>The history as a table: one row per evaluation, one column group per variant</translation>
    </message>
    <message>
        <source>&amp;Record animation…</source>
        <translation>&amp;Record animation…</translation>
    </message>
    <message>
        <source>Record the run as an animated GIF or an MP4 video while it trains</source>
        <translation>Record the run as an animated GIF or an MP4 video while it trains</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Copy experiment</source>
        <translation>&amp;Copy experiment</translation>
    </message>
    <message>
        <source>Put the experiment on the clipboard as TOML text, to paste into a chat or a handout</source>
        <translation>Put the experiment on the clipboard as TOML text, to paste into a chat or a handout</translation>
    </message>
    <message>
        <source>&amp;Paste experiment</source>
        <translation>&amp;Paste experiment</translation>
    </message>
    <message>
        <source>Open the experiment whose JSON or TOML text is on the clipboard</source>
        <translation>Open the experiment whose JSON or TOML text is on the clipboard</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop recording and write the file</source>
        <translation>Stop recording and write the file</translation>
    </message>
    <message>
        <source>Figures not exported: {0} is a file, not a folder</source>
        <translation>Figures not exported: {0} is a file, not a folder</translation>
    </message>
    <message>
        <source>Figures not exported: no view called {0}</source>
        <translation>Figures not exported: no view called {0}</translation>
    </message>
    <message>
        <source> ({0} file(s) written before it)</source>
        <translation> ({0} file(s) written before it)</translation>
    </message>
    <message>
        <source>Figures not exported: {0}{1}</source>
        <translation>Figures not exported: {0}{1}</translation>
    </message>
    <message>
        <source>wrote {0} figure files to {1}</source>
        <translation>wrote {0} figure files to {1}</translation>
    </message>
    <message>
        <source>Export best weights</source>
        <translation>Export best weights</translation>
    </message>
    <message>
        <source>Export checkpoint</source>
        <translation>Export checkpoint</translation>
    </message>
    <message>
        <source>PyTorch checkpoint (*.pt);;All files (*)</source>
        <translation>PyTorch checkpoint (*.pt);;All files (*)</translation>
    </message>
    <message>
        <source>Checkpoint not saved: a demonstration has no weights to save</source>
        <translation>Checkpoint not saved: a demonstration has no weights to save</translation>
    </message>
    <message>
        <source>Checkpoint not saved: no model yet; press Play or Step first</source>
        <translation>Checkpoint not saved: no model yet; press Play or Step first</translation>
    </message>
    <message>
        <source>Checkpoint not saved: {0}</source>
        <translation>Checkpoint not saved: {0}</translation>
    </message>
    <message>
        <source>saving checkpoint to {0}…</source>
        <translation>saving checkpoint to {0}…</translation>
    </message>
    <message>
        <source>Checkpoint not saved: {0}. Training goes on.</source>
        <translation>Checkpoint not saved: {0}. Training goes on.</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>Open checkpoint</translation>
    </message>
    <message>
        <source>PyTorch checkpoint (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch checkpoint (*.pt *.pth);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open {0}: no such file</source>
        <translation>Cannot open {0}: no such file</translation>
    </message>
    <message>
        <source>opening checkpoint {0}…</source>
        <translation>opening checkpoint {0}…</translation>
    </message>
    <message>
        <source>opened checkpoint {0}: epoch {1}, step {2}. Press Play to continue training it.</source>
        <translation>opened checkpoint {0}: epoch {1}, step {2}. Press Play to continue training it.</translation>
    </message>
    <message>
        <source>No metrics yet: press Play or Step first</source>
        <translation>No metrics yet: press Play or Step first</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Export metrics</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>CSV table (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Metrics not exported: this demonstration has no training history</source>
        <translation>Metrics not exported: this demonstration has no training history</translation>
    </message>
    <message>
        <source>Metrics not exported: use a .csv or .json file name, not {0}</source>
        <translation>Metrics not exported: use a .csv or .json file name, not {0}</translation>
    </message>
    <message>
        <source>Metrics not exported: {0}</source>
        <translation>Metrics not exported: {0}</translation>
    </message>
    <message>
        <source>metrics up to epoch {0} written to {1}</source>
        <translation>metrics up to epoch {0} written to {1}</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>Save experiment</translation>
    </message>
    <message>
        <source>TOML (*.toml);;JSON (*.json)</source>
        <translation>TOML (*.toml);;JSON (*.json)</translation>
    </message>
    <message>
        <source>experiment copied to the clipboard as TOML ({0} lines)</source>
        <translation>experiment copied to the clipboard as TOML ({0} lines)</translation>
    </message>
    <message>
        <source>pasted experiment: {0}</source>
        <translation>pasted experiment: {0}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>untitled</translation>
    </message>
    <message>
        <source>still writing the last recording; one moment</source>
        <translation>still writing the last recording; one moment</translation>
    </message>
    <message>
        <source>A recording is already running</source>
        <translation>A recording is already running</translation>
    </message>
    <message>
        <source>Not recording: no view called {0}</source>
        <translation>Not recording: no view called {0}</translation>
    </message>
    <message>
        <source>Not recording: {0}</source>
        <translation>Not recording: {0}</translation>
    </message>
    <message>
        <source>epoch {0} / {1} · step {2}</source>
        <translation>epoch {0} / {1} · step {2}</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>Stop &amp;recording</translation>
    </message>
    <message>
        <source>writing {0}…</source>
        <translation>writing {0}…</translation>
    </message>
    <message>
        <source>● REC {0} / {1}</source>
        <translation>● REC {0} / {1}</translation>
    </message>
    <message>
        <source>writing {0}: frame {1} / {2}</source>
        <translation>writing {0}: frame {1} / {2}</translation>
    </message>
    <message>
        <source>recorded {0} frames ({1:.1f} s) to {2} ({3})</source>
        <translation>recorded {0} frames ({1:.1f} s) to {2} ({3})</translation>
    </message>
    <message>
        <source>; {0} frames skipped because encoding fell behind</source>
        <translation>; {0} frames skipped because encoding fell behind</translation>
    </message>
    <message>
        <source>; a GIF of this size holds at most {0} frames: record an MP4 for longer runs</source>
        <translation>; a GIF of this size holds at most {0} frames: record an MP4 for longer runs</translation>
    </message>
    <message>
        <source>Recording not saved: {0}. Training goes on.</source>
        <translation>Recording not saved: {0}. Training goes on.</translation>
    </message>
</context>
<context>
    <name>FitView</name>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>variant:</source>
        <translation>variant:</translation>
    </message>
    <message>
        <source>Whose predictions the sample images show.</source>
        <translation>Whose predictions the sample images show.</translation>
    </message>
    <message>
        <source>mean of the seeds</source>
        <translation>mean of the seeds</translation>
    </message>
    <message>
        <source>With several seeds per variant: draw the mean of their predictions, or one seed&apos;s run.</source>
        <translation>With several seeds per variant: draw the mean of their predictions, or one seed&apos;s run.</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>a folder of its own for each sweep, in {0}</source>
        <translation>a folder of its own for each sweep, in {0}</translation>
    </message>
    <message>
        <source>The sweep folder (sweep.csv, sweep.json): starting the same sweep again on it skips the finished cells. Left empty, each sweep gets a folder of its own.</source>
        <translation>The sweep folder (sweep.csv, sweep.json): starting the same sweep again on it skips the finished cells. Left empty, each sweep gets a folder of its own.</translation>
    </message>
    <message>
        <source>Sweep folder</source>
        <translation>Sweep folder</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>About Regularization Explorer</source>
        <translation>About Regularization Explorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Regularization Explorer {0}&lt;/h3&gt;&lt;p&gt;A desktop lab for seeing overfitting and regularization happen: dropout, L1/L2 penalties, weight decay and early stopping, live.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Regularization Explorer {0}&lt;/h3&gt;&lt;p&gt;A desktop lab for seeing overfitting and regularization happen: dropout, L1/L2 penalties, weight decay and early stopping, live.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation>play / pause</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>one step</source>
        <translation>one step</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>reset to step 0</source>
        <translation>reset to step 0</translation>
    </message>
    <message>
        <source>open experiment</source>
        <translation>open experiment</translation>
    </message>
    <message>
        <source>save experiment</source>
        <translation>save experiment</translation>
    </message>
    <message>
        <source>export figures</source>
        <translation>export figures</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>quit</translation>
    </message>
    <message>
        <source>presentation mode (projector)</source>
        <translation>presentation mode (projector)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>next control</source>
        <translation>next control</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <source>Histograms</source>
        <translation>Histograms</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>over time</translation>
    </message>
    <message>
        <source>Now: this moment&apos;s weight and gradient histograms of every layer. Over time: how one layer&apos;s weight histogram changed during training.</source>
        <translation>Now: this moment&apos;s weight and gradient histograms of every layer. Over time: how one layer&apos;s weight histogram changed during training.</translation>
    </message>
    <message>
        <source>density</source>
        <translation>density</translation>
    </message>
    <message>
        <source>Which Linear layer&apos;s histograms to show.</source>
        <translation>Which Linear layer&apos;s histograms to show.</translation>
    </message>
    <message>
        <source>show:</source>
        <translation>show:</translation>
    </message>
    <message>
        <source>Off: how many values fall in each bin. On: each variant&apos;s histogram scaled to area 1, to compare shapes when the variants hold different numbers of values.</source>
        <translation>Off: how many values fall in each bin. On: each variant&apos;s histogram scaled to area 1, to compare shapes when the variants hold different numbers of values.</translation>
    </message>
    <message>
        <source>all seeds pooled</source>
        <translation>all seeds pooled</translation>
    </message>
    <message>
        <source>With several seeds per variant: all seeds&apos; weights pooled in one histogram, or one seed&apos;s.</source>
        <translation>With several seeds per variant: all seeds&apos; weights pooled in one histogram, or one seed&apos;s.</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>weight value</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>{layer}: weight histogram over time — oldest at the top (faint), newest at the bottom (bold)</source>
        <translation>{layer}: weight histogram over time — oldest at the top (faint), newest at the bottom (bold)</translation>
    </message>
    <message>
        <source>gradient value</source>
        <translation>gradient value</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>weights</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>gradients</translation>
    </message>
    <message>
        <source>(top: weights, bottom: gradients; y: density)</source>
        <translation>(top: weights, bottom: gradients; y: density)</translation>
    </message>
    <message>
        <source>(top: weights, bottom: gradients; y: count)</source>
        <translation>(top: weights, bottom: gradients; y: count)</translation>
    </message>
    <message>
        <source>(y: count)</source>
        <translation>(y: count)</translation>
    </message>
    <message>
        <source>(y: density)</source>
        <translation>(y: density)</translation>
    </message>
</context>
<context>
    <name>ImagesMode</name>
    <message>
        <source>pred {k} (p={p})</source>
        <translation>pred {k} (p={p})</translation>
    </message>
    <message>
        <source>{name}: {c} of {n} right</source>
        <translation>{name}: {c} of {n} right</translation>
    </message>
    <message>
        <source>(predicted class)</source>
        <translation>(predicted class)</translation>
    </message>
    <message>
        <source>(predicted class, probability)</source>
        <translation>(predicted class, probability)</translation>
    </message>
    <message>
        <source>±{sd} · {pct}% flips</source>
        <translation>±{sd} · {pct}% flips</translation>
    </message>
</context>
<context>
    <name>InsideDropout</name>
    <message>
        <source>Step inspector</source>
        <translation>Step inspector</translation>
    </message>
    <message>
        <source>One training step inside a dropout layer: a, r, m, d = a * m, de/dd and de/da = de/dd * m.</source>
        <translation>One training step inside a dropout layer: a, r, m, d = a * m, de/dd and de/da = de/dd * m.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>layer {0}</source>
        <translation>layer {0}</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>output layer</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Custom experiment</source>
        <translation>Custom experiment</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>What to watch</translation>
    </message>
    <message>
        <source>Press play (Space) and watch the training and validation losses: when validation turns up while training keeps falling, the network is overfitting. Then add dropout or a weight penalty on the right.</source>
        <translation>Press play (Space) and watch the training and validation losses: when validation turns up while training keeps falling, the network is overfitting. Then add dropout or a weight penalty on the right.</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>Use {0}</translation>
    </message>
    <message>
        <source>(downloads about {0} MB once)</source>
        <translation>(downloads about {0} MB once)</translation>
    </message>
</context>
<context>
    <name>LiveRunDuringSweep</name>
    <message>
        <source>Paused the live run while the sweep trains (both would share the processor); it plays on when the sweep ends.</source>
        <translation>Paused the live run while the sweep trains (both would share the processor); it plays on when the sweep ends.</translation>
    </message>
    <message>
        <source>Resume it now</source>
        <translation>Resume it now</translation>
    </message>
    <message>
        <source>The live run plays beside the sweep (they share the processor).</source>
        <translation>The live run plays beside the sweep (they share the processor).</translation>
    </message>
    <message>
        <source>The sweep ended; the live run plays on.</source>
        <translation>The sweep ended; the live run plays on.</translation>
    </message>
</context>
<context>
    <name>LogSlider</name>
    <message>
        <source>&apos;{0}&apos; is not a number</source>
        <translation>&apos;{0}&apos; is not a number</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a finite number</source>
        <translation>&apos;{0}&apos; is not a finite number</translation>
    </message>
    <message>
        <source>must be 0 or more (got {0})</source>
        <translation>must be 0 or more (got {0})</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>must be greater than 0</translation>
    </message>
    <message>
        <source>must be at most {0} (got {1})</source>
        <translation>must be at most {0} (got {1})</translation>
    </message>
</context>
<context>
    <name>Looks</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Presentation mode</translation>
    </message>
    <message>
        <source>Large fonts, thick lines and high contrast for a projector (F5 or Ctrl+P)</source>
        <translation>Large fonts, thick lines and high contrast for a projector (F5 or Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>&amp;Light theme</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Dark theme</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>log scale</translation>
    </message>
    <message>
        <source>Logarithmic loss axis: early, large losses and late, small ones become readable at once.</source>
        <translation>Logarithmic loss axis: early, large losses and late, small ones become readable at once.</translation>
    </message>
    <message>
        <source>band: min-max over seeds</source>
        <translation>band: min-max over seeds</translation>
    </message>
    <message>
        <source>band: mean ± 1 SD</source>
        <translation>band: mean ± 1 SD</translation>
    </message>
    <message>
        <source>With several seeds per variant: the line is the mean over the seeds; the band shows their spread, the range from the lowest to the highest seed or the mean ± one standard deviation.</source>
        <translation>With several seeds per variant: the line is the mean over the seeds; the band shows their spread, the range from the lowest to the highest seed or the mean ± one standard deviation.</translation>
    </message>
    <message>
        <source>best</source>
        <translation>best</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>accuracy</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>train (on a fixed subsample of {0} images; all of them at the last epoch)</source>
        <translation>train (on a fixed subsample of {0} images; all of them at the last epoch)</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>band over seeds</source>
        <translation>band over seeds</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regularization Explorer</source>
        <translation>Regularization Explorer</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>Regularization</translation>
    </message>
    <message>
        <source>Data &amp;&amp; optimiser</source>
        <translation>Data &amp;&amp; optimiser</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Could not start the trainer: {0}</source>
        <translation>Could not start the trainer: {0}</translation>
    </message>
    <message>
        <source>model rebuilt: {0} hidden layer(s)</source>
        <translation>model rebuilt: {0} hidden layer(s)</translation>
    </message>
    <message>
        <source>, {0} variants</source>
        <translation>, {0} variants</translation>
    </message>
    <message>
        <source>all variants</source>
        <translation>all variants</translation>
    </message>
    <message>
        <source>variant “{0}” renamed to “{1}”</source>
        <translation>variant “{0}” renamed to “{1}”</translation>
    </message>
    <message>
        <source>variant “{0}” renamed to “{1}”: its name states its value</source>
        <translation>variant “{0}” renamed to “{1}”: its name states its value</translation>
    </message>
    <message>
        <source>reset: new model from step 0</source>
        <translation>reset: new model from step 0</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>a view failed to draw: {0}</source>
        <translation>a view failed to draw: {0}</translation>
    </message>
    <message>
        <source>Use the CPU</source>
        <translation>Use the CPU</translation>
    </message>
    <message>
        <source>Restart the trainer</source>
        <translation>Restart the trainer</translation>
    </message>
    <message>
        <source>training on the CPU now: model rebuilt from step 0</source>
        <translation>training on the CPU now: model rebuilt from step 0</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>Not applied: {0}</translation>
    </message>
    <message>
        <source>opened preset {0}</source>
        <translation>opened preset {0}</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>Open experiment</translation>
    </message>
    <message>
        <source>Experiments (*.json *.toml);;All files (*)</source>
        <translation>Experiments (*.json *.toml);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open {0}: {1}</source>
        <translation>Cannot open {0}: {1}</translation>
    </message>
    <message>
        <source>opened {0}</source>
        <translation>opened {0}</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}</source>
        <translation>Cannot save {0}: {1}</translation>
    </message>
    <message>
        <source>experiment saved to {0}</source>
        <translation>experiment saved to {0}</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>NarrationView</name>
    <message>
        <source>What is happening</source>
        <translation>What is happening</translation>
    </message>
    <message>
        <source>Press ▶ (Space) to start training; this line explains what the curves are doing.</source>
        <translation>Press ▶ (Space) to start training; this line explains what the curves are doing.</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <source>{name}: waiting for the first evaluation.</source>
        <translation>{name}: waiting for the first evaluation.</translation>
    </message>
    <message>
        <source>{name}: not trained yet; the losses before the first step: training {train}, validation {val}.</source>
        <translation>{name}: not trained yet; the losses before the first step: training {train}, validation {val}.</translation>
    </message>
    <message>
        <source>{name}: not trained yet; the training loss before the first step: {train}.</source>
        <translation>{name}: not trained yet; the training loss before the first step: {train}.</translation>
    </message>
    <message>
        <source>{name}: the loss is no longer a finite number: training diverged. Lower the learning rate or the penalty and press Reset.</source>
        <translation>{name}: the loss is no longer a finite number: training diverged. Lower the learning rate or the penalty and press Reset.</translation>
    </message>
    <message>
        <source>{name}: stopped early at epoch {stop}; the best weights, from epoch {best}, were restored.</source>
        <translation>{name}: stopped early at epoch {stop}; the best weights, from epoch {best}, were restored.</translation>
    </message>
    <message>
        <source>{name}: stopped early at epoch {stop}; validation loss was best at epoch {best}.</source>
        <translation>{name}: stopped early at epoch {stop}; validation loss was best at epoch {best}.</translation>
    </message>
    <message>
        <source>{name}: validation loss has risen for {n} evaluations while training loss falls: the model is overfitting.</source>
        <translation>{name}: validation loss has risen for {n} evaluations while training loss falls: the model is overfitting.</translation>
    </message>
    <message>
        <source>Early stopping will stop in {left} more.</source>
        <translation>Early stopping will stop in {left} more.</translation>
    </message>
    <message>
        <source>Early stopping will stop at the next evaluation.</source>
        <translation>Early stopping will stop at the next evaluation.</translation>
    </message>
    <message>
        <source>{name}: validation loss has not improved for {n} evaluations (best at epoch {best}).</source>
        <translation>{name}: validation loss has not improved for {n} evaluations (best at epoch {best}).</translation>
    </message>
    <message>
        <source>{name}: training loss is still falling fast (down {pct} % in {epochs} epochs).</source>
        <translation>{name}: training loss is still falling fast (down {pct} % in {epochs} epochs).</translation>
    </message>
    <message>
        <source>{name}: both losses have flattened (training {train}, validation {val}).</source>
        <translation>{name}: both losses have flattened (training {train}, validation {val}).</translation>
    </message>
    <message>
        <source>{name}: the training loss has flattened at {train}.</source>
        <translation>{name}: the training loss has flattened at {train}.</translation>
    </message>
    <message>
        <source>{name}: both losses are still falling slowly (training {train}, validation {val}).</source>
        <translation>{name}: both losses are still falling slowly (training {train}, validation {val}).</translation>
    </message>
    <message>
        <source>{name}: the training loss is still falling slowly ({train}).</source>
        <translation>{name}: the training loss is still falling slowly ({train}).</translation>
    </message>
    <message>
        <source>{name}: the training loss is still falling slowly ({train}); the validation loss is not falling ({val}).</source>
        <translation>{name}: the training loss is still falling slowly ({train}); the validation loss is not falling ({val}).</translation>
    </message>
    <message>
        <source>Training finished at epoch {epoch}.</source>
        <translation>Training finished at epoch {epoch}.</translation>
    </message>
    <message>
        <source>Lowest validation loss: {name} ({val}).</source>
        <translation>Lowest validation loss: {name} ({val}).</translation>
    </message>
    <message>
        <source>{kind} dropout: the train-mode outputs average {mean}, the eval-mode output is {eval}.</source>
        <translation>{kind} dropout: the train-mode outputs average {mean}, the eval-mode output is {eval}.</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} points of test accuracy over {n} seeds: not distinguishable from seed noise; run more seeds.</source>
        <translation>{b} vs {a}: {diff} ± {se} points of test accuracy over {n} seeds: not distinguishable from seed noise; run more seeds.</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} points of test accuracy over {n} seeds: a real difference, beyond seed noise.</source>
        <translation>{b} vs {a}: {diff} ± {se} points of test accuracy over {n} seeds: a real difference, beyond seed noise.</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} in test loss over {n} seeds: not distinguishable from seed noise; run more seeds.</source>
        <translation>{b} vs {a}: {diff} ± {se} in test loss over {n} seeds: not distinguishable from seed noise; run more seeds.</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} in test loss over {n} seeds: a real difference, beyond seed noise.</source>
        <translation>{b} vs {a}: {diff} ± {se} in test loss over {n} seeds: a real difference, beyond seed noise.</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>inverted</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>vanilla</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>vanilla</source>
        <translation>vanilla</translation>
    </message>
    <message>
        <source>DC</source>
        <translation>DC</translation>
    </message>
    <message>
        <source>gauss</source>
        <translation>gauss</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>variant:</source>
        <translation>variant:</translation>
    </message>
    <message>
        <source>Whose network the diagram shows.</source>
        <translation>Whose network the diagram shows.</translation>
    </message>
    <message>
        <source>The network appears here when training starts.</source>
        <translation>The network appears here when training starts.</translation>
    </message>
    <message>
        <source>…+{n}</source>
        <translation>…+{n}</translation>
    </message>
    <message>
        <source>input
{n}</source>
        <translation>input
{n}</translation>
    </message>
    <message>
        <source>in
{n}</source>
        <translation>in
{n}</translation>
    </message>
    <message>
        <source>hidden {k}
{w} {act}</source>
        <translation>hidden {k}
{w} {act}</translation>
    </message>
    <message>
        <source>h{k}
{w}
{act}</source>
        <translation>h{k}
{w}
{act}</translation>
    </message>
    <message>
        <source>p={p} {kind}</source>
        <translation>p={p} {kind}</translation>
    </message>
    <message>
        <source>p={p}</source>
        <translation>p={p}</translation>
    </message>
    <message>
        <source>output
{n}</source>
        <translation>output
{n}</translation>
    </message>
    <message>
        <source>out
{n}</source>
        <translation>out
{n}</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>inv</source>
        <translation>inv</translation>
    </message>
    <message>
        <source>van</source>
        <translation>van</translation>
    </message>
    <message>
        <source>DC</source>
        <translation>DC</translation>
    </message>
    <message>
        <source>gauss</source>
        <translation>gauss</translation>
    </message>
    <message>
        <source>Dropout p and kind of this layer; change them in the Regularization panel (live). </source>
        <translation>Dropout p and kind of this layer; change them in the Regularization panel (live). </translation>
    </message>
    <message>
        <source>Move this layer towards the input</source>
        <translation>Move this layer towards the input</translation>
    </message>
    <message>
        <source>Move this layer towards the output</source>
        <translation>Move this layer towards the output</translation>
    </message>
    <message>
        <source>Remove this hidden layer</source>
        <translation>Remove this hidden layer</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Hidden layers</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>neurons</source>
        <translation>neurons</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>activation</translation>
    </message>
    <message>
        <source>dropout p</source>
        <translation>dropout p</translation>
    </message>
    <message>
        <source>No hidden layers: a linear model y = W·x + b.</source>
        <translation>No hidden layers: a linear model y = W·x + b.</translation>
    </message>
    <message>
        <source>Add hidden layer</source>
        <translation>Add hidden layer</translation>
    </message>
    <message>
        <source>Layer sizes from input to output, and the number of trainable parameters Σ(n_in·n_out + n_out).</source>
        <translation>Layer sizes from input to output, and the number of trainable parameters Σ(n_in·n_out + n_out).</translation>
    </message>
    <message>
        <source>Compare variants</source>
        <translation>Compare variants</translation>
    </message>
    <message>
        <source>Train variants side by side</source>
        <translation>Train variants side by side</translation>
    </message>
    <message>
        <source>Add variant</source>
        <translation>Add variant</translation>
    </message>
    <message>
        <source>Add a variant (a copy of the selected one, or of the base settings); tune it in the Regularization panel.</source>
        <translation>Add a variant (a copy of the selected one, or of the base settings); tune it in the Regularization panel.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected variant.</source>
        <translation>Remove the selected variant.</translation>
    </message>
    <message>
        <source>in → {0} → out (sizes of input and output follow from the dataset)</source>
        <translation>in → {0} → out (sizes of input and output follow from the dataset)</translation>
    </message>
    <message>
        <source>{0} · {1} parameters</source>
        <translation>{0} · {1} parameters</translation>
    </message>
</context>
<context>
    <name>NeuronTooltip</name>
    <message>
        <source>hidden layer {k}, neuron {i} of {w}</source>
        <translation>hidden layer {k}, neuron {i} of {w}</translation>
    </message>
    <message>
        <source>computes h = {act}(w · x + b)</source>
        <translation>computes h = {act}(w · x + b)</translation>
    </message>
    <message>
        <source>Gaussian noise: output × {m}</source>
        <translation>Gaussian noise: output × {m}</translation>
    </message>
    <message>
        <source>dropped this step (output × 0)</source>
        <translation>dropped this step (output × 0)</translation>
    </message>
    <message>
        <source>kept this step (output × {m})</source>
        <translation>kept this step (output × {m})</translation>
    </message>
    <message>
        <source>layer activation: mean {m}, variance {v}</source>
        <translation>layer activation: mean {m}, variance {v}</translation>
    </message>
</context>
<context>
    <name>NormView</name>
    <message>
        <source>Weight norms</source>
        <translation>Weight norms</translation>
    </message>
    <message>
        <source>weight norm ‖W‖</source>
        <translation>weight norm ‖W‖</translation>
    </message>
</context>
<context>
    <name>ParityMode</name>
    <message>
        <source>true y (test set)</source>
        <translation>true y (test set)</translation>
    </message>
    <message>
        <source>predicted y</source>
        <translation>predicted y</translation>
    </message>
    <message>
        <source>perfect prediction</source>
        <translation>perfect prediction</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>1920 pixels wide</source>
        <translation>1920 pixels wide</translation>
    </message>
    <message>
        <source>1280 pixels wide</source>
        <translation>1280 pixels wide</translation>
    </message>
    <message>
        <source>960 pixels wide</source>
        <translation>960 pixels wide</translation>
    </message>
    <message>
        <source>640 pixels wide</source>
        <translation>640 pixels wide</translation>
    </message>
    <message>
        <source>Same as on screen</source>
        <translation>Same as on screen</translation>
    </message>
    <message>
        <source>Record animation</source>
        <translation>Record animation</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Animated GIF (plays everywhere, also in chat and on the web)</source>
        <translation>Animated GIF (plays everywhere, also in chat and on the web)</translation>
    </message>
    <message>
        <source>MP4 video (H.264: small, smooth, for slides and video players)</source>
        <translation>MP4 video (H.264: small, smooth, for slides and video players)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>The whole dashboard</source>
        <translation>The whole dashboard</translation>
    </message>
    <message>
        <source>View: {0}</source>
        <translation>View: {0}</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Record:</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> frames/s</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Frame rate:</translation>
    </message>
    <message>
        <source> s at most</source>
        <translation> s at most</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Length:</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>Frame size:</translation>
    </message>
    <message>
        <source>Start training if it is paused</source>
        <translation>Start training if it is paused</translation>
    </message>
    <message>
        <source>Stop recording when training finishes</source>
        <translation>Stop recording when training finishes</translation>
    </message>
    <message>
        <source>Frames are taken while training runs and encoded in the background; the file appears when the recording stops.</source>
        <translation>Frames are taken while training runs and encoded in the background; the file appears when the recording stops.</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Start recording</translation>
    </message>
    <message>
        <source>Record animation to</source>
        <translation>Record animation to</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>Choose a file name.</translation>
    </message>
</context>
<context>
    <name>RegularizationPanel</name>
    <message>
        <source>Edit variant:</source>
        <translation>Edit variant:</translation>
    </message>
    <message>
        <source>≠ differs between variants: choose one above to see its value</source>
        <translation>≠ differs between variants: choose one above to see its value</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>No hidden layers, so nothing to drop.</source>
        <translation>No hidden layers, so nothing to drop.</translation>
    </message>
    <message>
        <source>p = 1 drops every unit: the layer passes nothing on, and the network cannot learn.</source>
        <translation>p = 1 drops every unit: the layer passes nothing on, and the network cannot learn.</translation>
    </message>
    <message>
        <source>Weight penalties</source>
        <translation>Weight penalties</translation>
    </message>
    <message>
        <source>penalise biases too</source>
        <translation>penalise biases too</translation>
    </message>
    <message>
        <source>L1 λ</source>
        <translation>L1 λ</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>weight decay</translation>
    </message>
    <message>
        <source>loss = data + λ₁·Σ|w| + λ₂·Σw²  (no ½)</source>
        <translation>loss = data + λ₁·Σ|w| + λ₂·Σw²  (no ½)</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Early stopping</translation>
    </message>
    <message>
        <source>stop when validation stops improving</source>
        <translation>stop when validation stops improving</translation>
    </message>
    <message>
        <source> evaluations</source>
        <translation> evaluations</translation>
    </message>
    <message>
        <source>restore the best weights</source>
        <translation>restore the best weights</translation>
    </message>
    <message>
        <source>patience P</source>
        <translation>patience P</translation>
    </message>
    <message>
        <source>min Δ</source>
        <translation>min Δ</translation>
    </message>
    <message>
        <source>all variants</source>
        <translation>all variants</translation>
    </message>
    <message>
        <source>Differs between variants: {0}</source>
        <translation>Differs between variants: {0}</translation>
    </message>
    <message>
        <source>Hidden layer {0}: {1} neurons, {2}</source>
        <translation>Hidden layer {0}: {1} neurons, {2}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>layer {0}</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>inverted</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>vanilla</translation>
    </message>
    <message>
        <source>DropConnect</source>
        <translation>DropConnect</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>Gaussian</translation>
    </message>
    <message>
        <source>penalty {0:.4g} (train loss {1})</source>
        <translation>penalty {0:.4g} (train loss {1})</translation>
    </message>
    <message>
        <source>, mean of {0} seeds</source>
        <translation>, mean of {0} seeds</translation>
    </message>
    <message>
        <source>waiting for the first evaluation</source>
        <translation>waiting for the first evaluation</translation>
    </message>
    <message>
        <source>best {0:.4g} at epoch {1} · wait {2}/{3}</source>
        <translation>best {0:.4g} at epoch {1} · wait {2}/{3}</translation>
    </message>
    <message>
        <source> · stopped at epoch {0}</source>
        <translation> · stopped at epoch {0}</translation>
    </message>
    <message>
        <source> (best weights restored)</source>
        <translation> (best weights restored)</translation>
    </message>
</context>
<context>
    <name>RenameOffer</name>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Keep the name</source>
        <translation>Keep the name</translation>
    </message>
    <message>
        <source>“{0}” names a value this variant no longer has. Rename it to “{1}”?</source>
        <translation>“{0}” names a value this variant no longer has. Rename it to “{1}”?</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>epoch {0} / {1} · step {2}</source>
        <translation>epoch {0} / {1} · step {2}</translation>
    </message>
    <message>
        <source>Epochs done / epochs planned, and optimisation steps taken (steps per epoch = ⌈N/B⌉).</source>
        <translation>Epochs done / epochs planned, and optimisation steps taken (steps per epoch = ⌈N/B⌉).</translation>
    </message>
    <message>
        <source>Share of the planned epochs done.</source>
        <translation>Share of the planned epochs done.</translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation>{0} steps/s</translation>
    </message>
    <message>
        <source>Optimisation steps per second (all variants together).</source>
        <translation>Optimisation steps per second (all variants together).</translation>
    </message>
    <message>
        <source>The device the trainer is using.</source>
        <translation>The device the trainer is using.</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>no step for {0} s</source>
        <translation>no step for {0} s</translation>
    </message>
    <message>
        <source>{0} / {1} train-mode passes</source>
        <translation>{0} / {1} train-mode passes</translation>
    </message>
    <message>
        <source>device: {0}</source>
        <translation>device: {0}</translation>
    </message>
</context>
<context>
    <name>ScalingMode</name>
    <message>
        <source>network output</source>
        <translation>network output</translation>
    </message>
    <message>
        <source>count</source>
        <translation>count</translation>
    </message>
    <message>
        <source>output in eval mode</source>
        <translation>output in eval mode</translation>
    </message>
    <message>
        <source>mean of the train-mode outputs</source>
        <translation>mean of the train-mode outputs</translation>
    </message>
    <message>
        <source>histogram of many train-mode outputs</source>
        <translation>histogram of many train-mode outputs</translation>
    </message>
    <message>
        <source>eval</source>
        <translation>eval</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>eval {e} · mean of train {m}</source>
        <translation>eval {e} · mean of train {m}</translation>
    </message>
    <message>
        <source>eval {e} · press Play to draw train-mode outputs</source>
        <translation>eval {e} · press Play to draw train-mode outputs</translation>
    </message>
</context>
<context>
    <name>SeedChoice</name>
    <message>
        <source>With several seeds per variant: whose run shows.</source>
        <translation>With several seeds per variant: whose run shows.</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>seed {0}</translation>
    </message>
</context>
<context>
    <name>SettingsNotes</name>
    <message>
        <source>The settings file could not be read; it was kept as {0} and the defaults are used.</source>
        <translation>The settings file could not be read; it was kept as {0} and the defaults are used.</translation>
    </message>
    <message>
        <source>Another Regularization Explorer window uses the same settings: this one does not save its layout or last experiment (File ▸ Save experiment keeps your work).</source>
        <translation>Another Regularization Explorer window uses the same settings: this one does not save its layout or last experiment (File ▸ Save experiment keeps your work).</translation>
    </message>
    <message>
        <source>The settings file {0} cannot be read ({1}); it is left as it is and nothing is saved.</source>
        <translation>The settings file {0} cannot be read ({1}); it is left as it is and nothing is saved.</translation>
    </message>
    <message>
        <source>Settings cannot be saved in {0} ({1}): the layout and the last experiment will not be kept.</source>
        <translation>Settings cannot be saved in {0} ({1}): the layout and the last experiment will not be kept.</translation>
    </message>
</context>
<context>
    <name>SnapshotView</name>
    <message>
        <source>Press ▶ to start training: this plot fills in live.</source>
        <translation>Press ▶ to start training: this plot fills in live.</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>variant:</source>
        <translation>variant:</translation>
    </message>
    <message>
        <source>layer:</source>
        <translation>layer:</translation>
    </message>
    <message>
        <source>sample:</source>
        <translation>sample:</translation>
    </message>
    <message>
        <source>all units</source>
        <translation>all units</translation>
    </message>
    <message>
        <source>Show every unit of the layer, not only the first {n}.</source>
        <translation>Show every unit of the layer, not only the first {n}.</translation>
    </message>
    <message>
        <source>Which sample (row) of the last training batch to show.</source>
        <translation>Which sample (row) of the last training batch to show.</translation>
    </message>
    <message>
        <source>The hidden layer whose dropout is shown.</source>
        <translation>The hidden layer whose dropout is shown.</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>Index of the unit in the layer.</source>
        <translation>Index of the unit in the layer.</translation>
    </message>
    <message>
        <source>a: the unit&apos;s activation, a = act(W x + b), before dropout.</source>
        <translation>a: the unit&apos;s activation, a = act(W x + b), before dropout.</translation>
    </message>
    <message>
        <source>r ~ U(0, 1): the random number drawn for the unit (Gaussian dropout: ε ~ N(0, 1)).</source>
        <translation>r ~ U(0, 1): the random number drawn for the unit (Gaussian dropout: ε ~ N(0, 1)).</translation>
    </message>
    <message>
        <source>m: the mask. Inverted: m = 0 if r &lt; p else 1/(1-p). Vanilla: m = 0 if r &lt; p else 1. Gaussian: m = 1 + sqrt(p/(1-p)) ε.</source>
        <translation>m: the mask. Inverted: m = 0 if r &lt; p else 1/(1-p). Vanilla: m = 0 if r &lt; p else 1. Gaussian: m = 1 + sqrt(p/(1-p)) ε.</translation>
    </message>
    <message>
        <source>d = a * m: what the next layer receives.</source>
        <translation>d = a * m: what the next layer receives.</translation>
    </message>
    <message>
        <source>de/dd: the gradient of the loss e with respect to d, from the backward pass.</source>
        <translation>de/dd: the gradient of the loss e with respect to d, from the backward pass.</translation>
    </message>
    <message>
        <source>de/da = de/dd * m, as the trainer computed it: the gradient flows only through kept units, scaled the same way.</source>
        <translation>de/da = de/dd * m, as the trainer computed it: the gradient flows only through kept units, scaled the same way.</translation>
    </message>
    <message>
        <source>The same draws r for both kinds.</source>
        <translation>The same draws r for both kinds.</translation>
    </message>
    <message>
        <source>m inverted</source>
        <translation>m inverted</translation>
    </message>
    <message>
        <source>Inverted dropout: m = 0 if r &lt; p else 1/(1-p); eval: d = a.</source>
        <translation>Inverted dropout: m = 0 if r &lt; p else 1/(1-p); eval: d = a.</translation>
    </message>
    <message>
        <source>d inverted</source>
        <translation>d inverted</translation>
    </message>
    <message>
        <source>d = a * m with inverted dropout: E[d] = a.</source>
        <translation>d = a * m with inverted dropout: E[d] = a.</translation>
    </message>
    <message>
        <source>m vanilla</source>
        <translation>m vanilla</translation>
    </message>
    <message>
        <source>Vanilla dropout: m = 0 if r &lt; p else 1; eval: d = (1-p) a.</source>
        <translation>Vanilla dropout: m = 0 if r &lt; p else 1; eval: d = (1-p) a.</translation>
    </message>
    <message>
        <source>d vanilla</source>
        <translation>d vanilla</translation>
    </message>
    <message>
        <source>d = a * m with vanilla dropout: E[d] = (1-p) a.</source>
        <translation>d = a * m with vanilla dropout: E[d] = (1-p) a.</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>ratio</translation>
    </message>
    <message>
        <source>d inverted / d vanilla = 1/(1-p) for every kept unit.</source>
        <translation>d inverted / d vanilla = 1/(1-p) for every kept unit.</translation>
    </message>
    <message>
        <source>Inverted vs vanilla dropout, same r</source>
        <translation>Inverted vs vanilla dropout, same r</translation>
    </message>
    <message>
        <source>Both kinds drop the same units; inverted dropout scales the kept ones by 1/(1-p) while training.</source>
        <translation>Both kinds drop the same units; inverted dropout scales the kept ones by 1/(1-p) while training.</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>Step inspector</translation>
    </message>
    <message>
        <source>DropConnect weight mask M (first rows and columns)</source>
        <translation>DropConnect weight mask M (first rows and columns)</translation>
    </message>
    <message>
        <source>DropConnect drops weights: y = x (W * M)^T with M = 0 if r &lt; p else 1/(1-p). Backward: de/dW = de/d(W*M) * M. Dark: dropped.</source>
        <translation>DropConnect drops weights: y = x (W * M)^T with M = 0 if r &lt; p else 1/(1-p). Backward: de/dW = de/d(W*M) * M. Dark: dropped.</translation>
    </message>
    <message>
        <source>layer {n} ({kind})</source>
        <translation>layer {n} ({kind})</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>inverted</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>vanilla</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>Gaussian</translation>
    </message>
    <message>
        <source>DropConnect</source>
        <translation>DropConnect</translation>
    </message>
    <message>
        <source>no dropout</source>
        <translation>no dropout</translation>
    </message>
    <message>
        <source>Press Step (S), or pause while training: the inspector shows the step just taken.</source>
        <translation>Press Step (S), or pause while training: the inspector shows the step just taken.</translation>
    </message>
    <message>
        <source>step {step} · {variant} · layer {layer} ({kind}, p = {p}) · sample {s} of a batch of {b}</source>
        <translation>step {step} · {variant} · layer {layer} ({kind}, p = {p}) · sample {s} of a batch of {b}</translation>
    </message>
    <message>
        <source>de/dW = de/d(W*M) * M matches autograd: max difference {d}</source>
        <translation>de/dW = de/d(W*M) * M matches autograd: max difference {d}</translation>
    </message>
    <message>
        <source>de/dW = de/d(W*M) * M does NOT match autograd: max difference {d}</source>
        <translation>de/dW = de/d(W*M) * M does NOT match autograd: max difference {d}</translation>
    </message>
    <message>
        <source>de/da = de/dd * m matches autograd: max difference {d}</source>
        <translation>de/da = de/dd * m matches autograd: max difference {d}</translation>
    </message>
    <message>
        <source>de/da = de/dd * m does NOT match autograd: max difference {d}</source>
        <translation>de/da = de/dd * m does NOT match autograd: max difference {d}</translation>
    </message>
    <message>
        <source>torch.autograd differentiates d = a * m with the recorded de/dd and gets de/da; this is its largest difference from the de/da the training step used.</source>
        <translation>torch.autograd differentiates d = a * m with the recorded de/dd and gets de/da; this is its largest difference from the de/da the training step used.</translation>
    </message>
</context>
<context>
    <name>SweepFields</name>
    <message>
        <source>dropout p of every hidden layer</source>
        <translation>dropout p of every hidden layer</translation>
    </message>
    <message>
        <source>dropout p of one hidden layer</source>
        <translation>dropout p of one hidden layer</translation>
    </message>
    <message>
        <source>L2 penalty lambda</source>
        <translation>L2 penalty lambda</translation>
    </message>
    <message>
        <source>L1 penalty lambda</source>
        <translation>L1 penalty lambda</translation>
    </message>
    <message>
        <source>decoupled weight decay</source>
        <translation>decoupled weight decay</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>learning rate</translation>
    </message>
    <message>
        <source>SGD momentum</source>
        <translation>SGD momentum</translation>
    </message>
    <message>
        <source>early-stopping patience</source>
        <translation>early-stopping patience</translation>
    </message>
    <message>
        <source>width of every hidden layer</source>
        <translation>width of every hidden layer</translation>
    </message>
    <message>
        <source>width of one hidden layer</source>
        <translation>width of one hidden layer</translation>
    </message>
    <message>
        <source>number of training samples</source>
        <translation>number of training samples</translation>
    </message>
    <message>
        <source>dataset noise</source>
        <translation>dataset noise</translation>
    </message>
    <message>
        <source>dataset seed (another data draw)</source>
        <translation>dataset seed (another data draw)</translation>
    </message>
</context>
<context>
    <name>SweepPlaceBox</name>
    <message>
        <source>Where it runs</source>
        <translation>Where it runs</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Processes on this computer:</source>
        <translation>Processes on this computer:</translation>
    </message>
    <message>
        <source>Dask scheduler at</source>
        <translation>Dask scheduler at</translation>
    </message>
    <message>
        <source>Send file data from this computer</source>
        <translation>Send file data from this computer</translation>
    </message>
    <message>
        <source>Train the chunks one after another in one process: nothing to set up.</source>
        <translation>Train the chunks one after another in one process: nothing to set up.</translation>
    </message>
    <message>
        <source>Start this many worker processes here (a Dask cluster inside the app), one chunk and one thread each: a sweep uses every core.</source>
        <translation>Start this many worker processes here (a Dask cluster inside the app), one chunk and one thread each: a sweep uses every core.</translation>
    </message>
    <message>
        <source>Send the chunks to your lab&apos;s cluster: the address of its &apos;dask scheduler&apos;. The workers need the same explorer and torch versions as this computer.</source>
        <translation>Send the chunks to your lab&apos;s cluster: the address of its &apos;dask scheduler&apos;. The workers need the same explorer and torch versions as this computer.</translation>
    </message>
    <message>
        <source>File and image sets: send the data once to each worker instead of having the workers read the dataset path (which must then be a folder every worker sees).</source>
        <translation>File and image sets: send the data once to each worker instead of having the workers read the dataset path (which must then be a folder every worker sees).</translation>
    </message>
</context>
<context>
    <name>SweepRunner</name>
    <message>
        <source>the sweep process ended unexpectedly</source>
        <translation>the sweep process ended unexpectedly</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>gap (test - train loss)</source>
        <translation>gap (test - train loss)</translation>
    </message>
    <message>
        <source>gap (train - test accuracy)</source>
        <translation>gap (train - test accuracy)</translation>
    </message>
    <message>
        <source>No cells yet: set up a sweep and press Start; each cell appears here as it trains.</source>
        <translation>No cells yet: set up a sweep and press Start; each cell appears here as it trains.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>best</source>
        <translation>best</translation>
    </message>
    <message>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>accuracy</translation>
    </message>
    <message>
        <source>{when} {split} {what}</source>
        <translation>{when} {split} {what}</translation>
    </message>
    <message>
        <source>{words}, layer {n}</source>
        <translation>{words}, layer {n}</translation>
    </message>
    <message>
        <source>{when} {what}</source>
        <translation>{when} {what}</translation>
    </message>
    <message>
        <source>best {metric}</source>
        <translation>best {metric}</translation>
    </message>
    <message>
        <source>mean over {n} seeds; band: lowest to highest seed</source>
        <translation>mean over {n} seeds; band: lowest to highest seed</translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation> (log scale)</translation>
    </message>
    <message>
        <source>Best {metric}: {value} at {cell} ({n} seeds; the band spans the seeds).</source>
        <translation>Best {metric}: {value} at {cell} ({n} seeds; the band spans the seeds).</translation>
    </message>
    <message>
        <source>Diverged: {cells}.</source>
        <translation>Diverged: {cells}.</translation>
    </message>
    <message>
        <source>{metric}: mean ± SD over {n} seeds; the best cell outlined</source>
        <translation>{metric}: mean ± SD over {n} seeds; the best cell outlined</translation>
    </message>
    <message>
        <source>Best {metric}: {value} at {cell}.</source>
        <translation>Best {metric}: {value} at {cell}.</translation>
    </message>
    <message>
        <source>Additivity: {text}</source>
        <translation>Additivity: {text}</translation>
    </message>
    <message>
        <source>These cells have no {metric}: a regression has no accuracy, and a run without a validation split no validation values. Choose another metric.</source>
        <translation>These cells have no {metric}: a regression has no accuracy, and a run without a validation split no validation values. Choose another metric.</translation>
    </message>
    <message>
        <source>{cell}: {metric} {mean} (min {low}, max {high}, {n} seeds)</source>
        <translation>{cell}: {metric} {mean} (min {low}, max {high}, {n} seeds)</translation>
    </message>
</context>
<context>
    <name>SweepWindow</name>
    <message>
        <source>The sweep stopped: {0}</source>
        <translation>The sweep stopped: {0}</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>and, as a grid</source>
        <translation>and, as a grid</translation>
    </message>
    <message>
        <source>seeds per cell</source>
        <translation>seeds per cell</translation>
    </message>
    <message>
        <source>show</source>
        <translation>show</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>What the Sweep view shows and stars the best of: the final or best loss or accuracy (drawn for train, validation and test), or the train-test gap.</source>
        <translation>What the Sweep view shows and stars the best of: the final or best loss or accuracy (drawn for train, validation and test), or the train-test gap.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>Export figure…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Starting the sweep…</source>
        <translation>Starting the sweep…</translation>
    </message>
    <message>
        <source>Connecting to the cluster…</source>
        <translation>Connecting to the cluster…</translation>
    </message>
    <message>
        <source>Could not start the sweep: {0}</source>
        <translation>Could not start the sweep: {0}</translation>
    </message>
    <message>
        <source>{cells} cells x {seeds} seeds; {done} already in the folder; about {mb} MB per chunk.</source>
        <translation>{cells} cells x {seeds} seeds; {done} already in the folder; about {mb} MB per chunk.</translation>
    </message>
    <message>
        <source>Workers: {0}</source>
        <translation>Workers: {0}</translation>
    </message>
    <message>
        <source>The sweep is finished; its files are in {0}.</source>
        <translation>The sweep is finished; its files are in {0}.</translation>
    </message>
    <message>
        <source>Cancelled; the finished cells are in {0}.</source>
        <translation>Cancelled; the finished cells are in {0}.</translation>
    </message>
    <message>
        <source>The cells that had not finished stay drawn as they were when cancelled; they are not in the folder, and starting the sweep again trains them anew.</source>
        <translation>The cells that had not finished stay drawn as they were when cancelled; they are not in the folder, and starting the sweep again trains them anew.</translation>
    </message>
    <message>
        <source>There is no sweep to export yet.</source>
        <translation>There is no sweep to export yet.</translation>
    </message>
    <message>
        <source>Wrote {0}.</source>
        <translation>Wrote {0}.</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Export figure</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
</context>
<context>
    <name>TestTimeControls</name>
    <message>
        <source>dropout at test time: T passes</source>
        <translation>dropout at test time: T passes</translation>
    </message>
    <message>
        <source>Keep dropout on at prediction time and draw T stochastic passes (MC dropout): y_t = f(x; m_t), t = 1..T, with a fresh mask m_t each pass. Drawn: their mean (1/T) Σ y_t, a band of ±2 SD and the single passes, beside the usual eval-mode output. The mean approaches the eval-mode (weight-scaled) output as T grows; the spread is a cheap uncertainty estimate (Gal and Ghahramani 2016).</source>
        <translation>Keep dropout on at prediction time and draw T stochastic passes (MC dropout): y_t = f(x; m_t), t = 1..T, with a fresh mask m_t each pass. Drawn: their mean (1/T) Σ y_t, a band of ±2 SD and the single passes, beside the usual eval-mode output. The mean approaches the eval-mode (weight-scaled) output as T grows; the spread is a cheap uncertainty estimate (Gal and Ghahramani 2016).</translation>
    </message>
    <message>
        <source>T, the number of stochastic passes (1 to 1000), drawn as one batched forward of T copies.</source>
        <translation>T, the number of stochastic passes (1 to 1000), drawn as one batched forward of T copies.</translation>
    </message>
</context>
<context>
    <name>TestTimeView</name>
    <message>
        <source>Dropout at test time</source>
        <translation>Dropout at test time</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>SD of the T passes</source>
        <translation>SD of the T passes</translation>
    </message>
    <message>
        <source>Switch on &apos;dropout at test time&apos; in the fit view to draw the passes.</source>
        <translation>Switch on &apos;dropout at test time&apos; in the fit view to draw the passes.</translation>
    </message>
</context>
<context>
    <name>Tooltips</name>
    <message>
        <source>Dropout probability p: during training each unit of this layer is dropped (set to 0) with probability p; p = 0 turns dropout off. Kept units: m_i ~ Bernoulli(1−p).</source>
        <translation>Dropout probability p: during training each unit of this layer is dropped (set to 0) with probability p; p = 0 turns dropout off. Kept units: m_i ~ Bernoulli(1−p).</translation>
    </message>
    <message>
        <source>Inverted dropout: during training each unit is kept with probability 1−p and scaled by 1/(1−p), so nothing changes at test time. m_i ~ Bernoulli(1−p)/(1−p).</source>
        <translation>Inverted dropout: during training each unit is kept with probability 1−p and scaled by 1/(1−p), so nothing changes at test time. m_i ~ Bernoulli(1−p)/(1−p).</translation>
    </message>
    <message>
        <source>Vanilla dropout (the original paper): units are kept with probability 1−p without scaling during training; at test time outputs are multiplied by (1−p). Train: h·m, m_i ~ Bernoulli(1−p); test: h·(1−p).</source>
        <translation>Vanilla dropout (the original paper): units are kept with probability 1−p without scaling during training; at test time outputs are multiplied by (1−p). Train: h·m, m_i ~ Bernoulli(1−p); test: h·(1−p).</translation>
    </message>
    <message>
        <source>DropConnect: drops individual weights instead of units, W̃ = W ⊙ M with M_ij ~ Bernoulli(1−p)/(1−p), a new mask every step.</source>
        <translation>DropConnect: drops individual weights instead of units, W̃ = W ⊙ M with M_ij ~ Bernoulli(1−p)/(1−p), a new mask every step.</translation>
    </message>
    <message>
        <source>Gaussian dropout: multiplies each unit by Gaussian noise of mean 1 instead of a 0/1 mask, m_i ~ N(1, p/(1−p)); same mean and variance as inverted dropout.</source>
        <translation>Gaussian dropout: multiplies each unit by Gaussian noise of mean 1 instead of a 0/1 mask, m_i ~ N(1, p/(1−p)); same mean and variance as inverted dropout.</translation>
    </message>
    <message>
        <source>How this layer drops: inverted (scale 1/(1−p) while training), vanilla (scale by 1−p at test time), DropConnect (drop weights W_ij) or Gaussian noise m ~ N(1, p/(1−p)).</source>
        <translation>How this layer drops: inverted (scale 1/(1−p) while training), vanilla (scale by 1−p at test time), DropConnect (drop weights W_ij) or Gaussian noise m ~ N(1, p/(1−p)).</translation>
    </message>
    <message>
        <source>L1 penalty: adds λ·Σ|w| to the loss; its gradient λ·sign(w) pushes small weights to exactly zero, so the weight histogram gets a spike at 0 (sparse weights).</source>
        <translation>L1 penalty: adds λ·Σ|w| to the loss; its gradient λ·sign(w) pushes small weights to exactly zero, so the weight histogram gets a spike at 0 (sparse weights).</translation>
    </message>
    <message>
        <source>L2 penalty: adds λ·Σw² to the loss (no ½); its gradient 2λw pulls every weight towards zero and the weight histogram narrows.</source>
        <translation>L2 penalty: adds λ·Σw² to the loss (no ½); its gradient 2λw pulls every weight towards zero and the weight histogram narrows.</translation>
    </message>
    <message>
        <source>Decoupled weight decay (AdamW): after each step w ← w − η·wd·w, outside the loss. With plain SGD it equals an L2 penalty with λ = wd/2; with Adam it does not.</source>
        <translation>Decoupled weight decay (AdamW): after each step w ← w − η·wd·w, outside the loss. With plain SGD it equals an L2 penalty with λ = wd/2; with Adam it does not.</translation>
    </message>
    <message>
        <source>Also penalise (and decay) the bias vectors b, not only the weights W: Σ runs over W and b. Usually only weights are penalised.</source>
        <translation>Also penalise (and decay) the bias vectors b, not only the weights W: Σ runs over W and b. Usually only weights are penalised.</translation>
    </message>
    <message>
        <source>Conventions used here: L1 = λ·Σ|w|, L2 = λ·Σw² (no ½), total loss = data loss + L1 + L2.</source>
        <translation>Conventions used here: L1 = λ·Σ|w|, L2 = λ·Σw² (no ½), total loss = data loss + L1 + L2.</translation>
    </message>
    <message>
        <source>Early stopping: stop training when the validation loss has not improved by more than δ for P evaluations in a row (stop when wait ≥ P).</source>
        <translation>Early stopping: stop training when the validation loss has not improved by more than δ for P evaluations in a row (stop when wait ≥ P).</translation>
    </message>
    <message>
        <source>Patience P: how many evaluations without improvement are tolerated; training stops when wait ≥ P.</source>
        <translation>Patience P: how many evaluations without improvement are tolerated; training stops when wait ≥ P.</translation>
    </message>
    <message>
        <source>Minimum improvement δ: an evaluation counts as better only if val_loss &lt; best − δ.</source>
        <translation>Minimum improvement δ: an evaluation counts as better only if val_loss &lt; best − δ.</translation>
    </message>
    <message>
        <source>Restore best: when stopping, put back the weights of the best evaluation, w ← w_best (otherwise the last weights are kept).</source>
        <translation>Restore best: when stopping, put back the weights of the best evaluation, w ← w_best (otherwise the last weights are kept).</translation>
    </message>
    <message>
        <source>Which variant the controls edit in compare mode. &quot;All variants&quot; sets a value in every variant: v_k ← x for all k.</source>
        <translation>Which variant the controls edit in compare mode. &quot;All variants&quot; sets a value in every variant: v_k ← x for all k.</translation>
    </message>
    <message>
        <source>Learning rate η: the size of each gradient step, w ← w − η·∇L. Too large diverges, too small crawls.</source>
        <translation>Learning rate η: the size of each gradient step, w ← w − η·∇L. Too large diverges, too small crawls.</translation>
    </message>
    <message>
        <source>Momentum μ (SGD): keeps a running velocity v ← μ·v + ∇L and steps w ← w − η·v; μ = 0.9 averages about 1/(1−μ) = 10 gradients.</source>
        <translation>Momentum μ (SGD): keeps a running velocity v ← μ·v + ∇L and steps w ← w − η·v; μ = 0.9 averages about 1/(1−μ) = 10 gradients.</translation>
    </message>
    <message>
        <source>Optimiser: SGD w ← w − η·∇L; Adam scales each step by running moments, w ← w − η·m̂/(√v̂ + ε); AdamW is Adam with decoupled weight decay.</source>
        <translation>Optimiser: SGD w ← w − η·∇L; Adam scales each step by running moments, w ← w − η·m̂/(√v̂ + ε); AdamW is Adam with decoupled weight decay.</translation>
    </message>
    <message>
        <source>Batch size B: samples per gradient step; the gradient is the batch mean (1/B)·Σ∇ℓ_i. Full batch: B = N, one step per epoch.</source>
        <translation>Batch size B: samples per gradient step; the gradient is the batch mean (1/B)·Σ∇ℓ_i. Full batch: B = N, one step per epoch.</translation>
    </message>
    <message>
        <source>Epochs: passes over the training set; one epoch is ⌈N/B⌉ steps.</source>
        <translation>Epochs: passes over the training set; one epoch is ⌈N/B⌉ steps.</translation>
    </message>
    <message>
        <source>Training seed: fixes the initial weights, the batch order and the dropout masks; the same seed gives the same run (w₀ = f(seed)).</source>
        <translation>Training seed: fixes the initial weights, the batch order and the dropout masks; the same seed gives the same run (w₀ = f(seed)).</translation>
    </message>
    <message>
        <source>Seeds per variant N: every variant trains N times, with seeds s, s+1, …, s+N−1 (other initial weights, batch order and masks; the same data), all in lockstep. The curves show the mean and a band over the seeds, so a difference can be weighed against seed noise.</source>
        <translation>Seeds per variant N: every variant trains N times, with seeds s, s+1, …, s+N−1 (other initial weights, batch order and masks; the same data), all in lockstep. The curves show the mean and a band over the seeds, so a difference can be weighed against seed noise.</translation>
    </message>
    <message>
        <source>Evaluate train/validation/test loss every k epochs; early-stopping patience counts these evaluations (P evaluations = P·k epochs).</source>
        <translation>Evaluate train/validation/test loss every k epochs; early-stopping patience counts these evaluations (P evaluations = P·k epochs).</translation>
    </message>
    <message>
        <source>Where the trainer runs: auto uses a CUDA GPU when present, else the CPU. If CUDA is chosen but not available the trainer falls back to the CPU and says so.</source>
        <translation>Where the trainer runs: auto uses a CUDA GPU when present, else the CPU. If CUDA is chosen but not available the trainer falls back to the CPU and says so.</translation>
    </message>
    <message>
        <source>The data: regression curves y = f(x) + ε, 2-D classification sets, small images (digits, IDX files such as MNIST) or a CSV file.</source>
        <translation>The data: regression curves y = f(x) + ε, 2-D classification sets, small images (digits, IDX files such as MNIST) or a CSV file.</translation>
    </message>
    <message>
        <source>Noise σ of the training targets: y = f(x) + ε with ε ~ N(0, σ²). More noise gives the network more to overfit.</source>
        <translation>Noise σ of the training targets: y = f(x) + ε with ε ~ N(0, σ²). More noise gives the network more to overfit.</translation>
    </message>
    <message>
        <source>Noise σ of the validation and test draws (empty: the same as the training noise).</source>
        <translation>Noise σ of the validation and test draws (empty: the same as the training noise).</translation>
    </message>
    <message>
        <source>Training points N. Few points and a big network make overfitting easy to see: parameters ≫ N.</source>
        <translation>Training points N. Few points and a big network make overfitting easy to see: parameters ≫ N.</translation>
    </message>
    <message>
        <source>Validation points: held out, never trained on; early stopping watches their loss.</source>
        <translation>Validation points: held out, never trained on; early stopping watches their loss.</translation>
    </message>
    <message>
        <source>Test points: held out, measure how well the model generalises (test loss).</source>
        <translation>Test points: held out, measure how well the model generalises (test loss).</translation>
    </message>
    <message>
        <source>Number of inputs d of the high-dimensional linear set: y = w*·x + b* + ε, x ∈ ℝ^d.</source>
        <translation>Number of inputs d of the high-dimensional linear set: y = w*·x + b* + ε, x ∈ ℝ^d.</translation>
    </message>
    <message>
        <source>Share of the samples held out for validation: n_val = fraction · N.</source>
        <translation>Share of the samples held out for validation: n_val = fraction · N.</translation>
    </message>
    <message>
        <source>Share of the samples held out for testing: n_test = fraction · N.</source>
        <translation>Share of the samples held out for testing: n_test = fraction · N.</translation>
    </message>
    <message>
        <source>Use at most this many samples of a file or image set (0: all); fewer samples overfit sooner.</source>
        <translation>Use at most this many samples of a file or image set (0: all); fewer samples overfit sooner.</translation>
    </message>
    <message>
        <source>The file (CSV: features…, label per row) or folder (IDX: *-images-idx3-ubyte[.gz] and *-labels-idx1-ubyte[.gz]) to read.</source>
        <translation>The file (CSV: features…, label per row) or folder (IDX: *-images-idx3-ubyte[.gz] and *-labels-idx1-ubyte[.gz]) to read.</translation>
    </message>
    <message>
        <source>Draw a new dataset: the same recipe with a new data seed (data seed + 1).</source>
        <translation>Draw a new dataset: the same recipe with a new data seed (data seed + 1).</translation>
    </message>
    <message>
        <source>Neurons n in this hidden layer: h = act(W·x + b), where W has n rows.</source>
        <translation>Neurons n in this hidden layer: h = act(W·x + b), where W has n rows.</translation>
    </message>
    <message>
        <source>Nonlinearity after the layer: relu(z) = max(0, z), tanh(z), sigmoid σ(z) = 1/(1 + e^−z), gelu(z) = z·Φ(z), linear(z) = z.</source>
        <translation>Nonlinearity after the layer: relu(z) = max(0, z), tanh(z), sigmoid σ(z) = 1/(1 + e^−z), gelu(z) = z·Φ(z), linear(z) = z.</translation>
    </message>
    <message>
        <source>Compare mode: train several variants in lockstep from the same data and the same initial weights w₀, so their curves share axes; only regularization and optimiser settings differ.</source>
        <translation>Compare mode: train several variants in lockstep from the same data and the same initial weights w₀, so their curves share axes; only regularization and optimiser settings differ.</translation>
    </message>
    <message>
        <source>The variants trained side by side; double-click to rename. Each variant starts from the same w₀.</source>
        <translation>The variants trained side by side; double-click to rename. Each variant starts from the same w₀.</translation>
    </message>
    <message>
        <source>Dropout p of the demonstration Dropout(p) → Linear(n, 1) with every weight 1, on n ones. Inverted: train outputs scatter around n, eval = n; vanilla: train ≈ n·(1−p), eval = n·(1−p).</source>
        <translation>Dropout p of the demonstration Dropout(p) → Linear(n, 1) with every weight 1, on n ones. Inverted: train outputs scatter around n, eval = n; vanilla: train ≈ n·(1−p), eval = n·(1−p).</translation>
    </message>
    <message>
        <source>Number of inputs n (all ones): the eval output of inverted dropout is exactly n.</source>
        <translation>Number of inputs n (all ones): the eval output of inverted dropout is exactly n.</translation>
    </message>
    <message>
        <source>How many train-mode forward passes are drawn for the histogram; their mean approaches the eval output, E[m_i] = 1.</source>
        <translation>How many train-mode forward passes are drawn for the histogram; their mean approaches the eval output, E[m_i] = 1.</translation>
    </message>
    <message>
        <source>This demonstration trains no network: Dropout(p) → Linear(n, 1), all weights 1, on n ones. Its settings (p, n) are in the Data panel.</source>
        <translation>This demonstration trains no network: Dropout(p) → Linear(n, 1), all weights 1, on n ones. Its settings (p, n) are in the Data panel.</translation>
    </message>
    <message>
        <source>Add a hidden layer at the output side (a copy of the last one): h_{k+1} = act(W_{k+1}·h_k + b_{k+1}).</source>
        <translation>Add a hidden layer at the output side (a copy of the last one): h_{k+1} = act(W_{k+1}·h_k + b_{k+1}).</translation>
    </message>
</context>
<context>
    <name>TrainerHost</name>
    <message>
        <source>could not start the trainer process: {0}</source>
        <translation>could not start the trainer process: {0}</translation>
    </message>
    <message>
        <source>the trainer did not stop in time</source>
        <translation>the trainer did not stop in time</translation>
    </message>
    <message>
        <source>checkpoint saved to {path}</source>
        <translation>checkpoint saved to {path}</translation>
    </message>
    <message>
        <source>The trainer process stopped unexpectedly (exit code {code}). Press Reset to restart it; your experiment is kept.</source>
        <translation>The trainer process stopped unexpectedly (exit code {code}). Press Reset to restart it; your experiment is kept.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Play / pause training (Space)</source>
        <translation>Play / pause training (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>One optimisation step, then pause (S)</source>
        <translation>One optimisation step, then pause (S)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>New initial weights from the seed, back to step 0 (R)</source>
        <translation>New initial weights from the seed, back to step 0 (R)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>&amp;Open experiment…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;Save experiment…</source>
        <translation>&amp;Save experiment…</translation>
    </message>
    <message>
        <source>Open &amp;preset</source>
        <translation>Open &amp;preset</translation>
    </message>
    <message>
        <source>Export &amp;figures…</source>
        <translation>Export &amp;figures…</translation>
    </message>
    <message>
        <source>Export &amp;checkpoint…</source>
        <translation>Export &amp;checkpoint…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>S&amp;weep…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>Loss curves</translation>
    </message>
    <message>
        <source>Weight histograms</source>
        <translation>Weight histograms</translation>
    </message>
    <message>
        <source>Activation variance</source>
        <translation>Activation variance</translation>
    </message>
    <message>
        <source>Weight norms</source>
        <translation>Weight norms</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>Network diagram</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Opened the cell paused while the sweep trains: press Play to watch it.</source>
        <translation>Opened the cell paused while the sweep trains: press Play to watch it.</translation>
    </message>
    <message>
        <source>(presets unavailable: {0})</source>
        <translation>(presets unavailable: {0})</translation>
    </message>
    <message>
        <source>Clear this list</source>
        <translation>Clear this list</translation>
    </message>
</context>
<context>
    <name>WorkersTable</name>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Cells done</source>
        <translation>Cells done</translation>
    </message>
    <message>
        <source>The Dask workers this sweep uses and the cells each has finished.</source>
        <translation>The Dask workers this sweep uses and the cells each has finished.</translation>
    </message>
</context>
<context>
    <name>_LayerHistoryView</name>
    <message>
        <source>log scale</source>
        <translation>log scale</translation>
    </message>
    <message>
        <source>Logarithmic y axis, for values that span orders of magnitude.</source>
        <translation>Logarithmic y axis, for values that span orders of magnitude.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
</context>
<context>
    <name>_NoFitMode</name>
    <message>
        <source>No fit picture for this data set: the decision boundary is drawn for 2-D inputs. See the loss and accuracy curves.</source>
        <translation>No fit picture for this data set: the decision boundary is drawn for 2-D inputs. See the loss and accuracy curves.</translation>
    </message>
</context>
<context>
    <name>_PipeReader</name>
    <message>
        <source>could not read from the trainer: {0}</source>
        <translation>could not read from the trainer: {0}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Could not open {0}: {1}. Showing the default preset instead.</source>
        <translation>Could not open {0}: {1}. Showing the default preset instead.</translation>
    </message>
    <message>
        <source>The experiment saved when the app last closed could not be opened ({0}), nor kept ({1}). Showing the default preset.</source>
        <translation>The experiment saved when the app last closed could not be opened ({0}), nor kept ({1}). Showing the default preset.</translation>
    </message>
    <message>
        <source>The experiment saved when the app last closed could not be opened ({0}). It was kept as {1}; showing the default preset.</source>
        <translation>The experiment saved when the app last closed could not be opened ({0}). It was kept as {1}; showing the default preset.</translation>
    </message>
</context>
</TS>
