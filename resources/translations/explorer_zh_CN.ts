<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivationView</name>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>hidden layer {k}</source>
        <translation>隐藏层 {k}</translation>
    </message>
    <message>
        <source>activation variance</source>
        <translation>激活值方差</translation>
    </message>
</context>
<context>
    <name>AnimationRecorder</name>
    <message>
        <source>nothing was recorded</source>
        <translation>没有录到任何内容</translation>
    </message>
    <message>
        <source>{0} could not be written</source>
        <translation>无法写入 {0}</translation>
    </message>
    <message>
        <source>recording stopped: {0}</source>
        <translation>录制已停止：{0}</translation>
    </message>
    <message>
        <source>recording failed: {0}</source>
        <translation>录制失败：{0}</translation>
    </message>
</context>
<context>
    <name>AxisRow</name>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
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
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>background: P(class 1), white = 0.5 = decision boundary</source>
        <translation>背景：P(类别 1)，白色 = 0.5 = 决策边界</translation>
    </message>
    <message>
        <source>background: predicted class</source>
        <translation>背景：预测类别</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>类别 {k}</translation>
    </message>
</context>
<context>
    <name>BoundarySpread</name>
    <message>
        <source>shade: spread of the predicted probability over the T passes (its SD; darker = less sure)</source>
        <translation>阴影：T 次前向传播中预测概率的离散程度（其标准差；越暗越不确定）</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Data &amp; optimiser</source>
        <translation>数据与优化器</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>What is happening (under the lesson)</source>
        <translation>当前状况（课程下方）</translation>
    </message>
    <message>
        <source>Step button</source>
        <translation>“单步”按钮</translation>
    </message>
    <message>
        <source>Reset button</source>
        <translation>“重置”按钮</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>按钮</translation>
    </message>
    <message>
        <source>Fields: {0}</source>
        <translation>字段：{0}</translation>
    </message>
</context>
<context>
    <name>ClassroomController</name>
    <message>
        <source>&amp;Classroom</source>
        <translation>课堂(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit exercise…</source>
        <translation>编辑练习(&amp;E)…</translation>
    </message>
    <message>
        <source>Choose what students see and may change; saved with the experiment.</source>
        <translation>选择学生能看到和能修改的内容；随实验一起保存。</translation>
    </message>
    <message>
        <source>&amp;Show hidden controls</source>
        <translation>显示隐藏的控件(&amp;S)</translation>
    </message>
    <message>
        <source>Show everything for now (the teacher&apos;s view); the exercise is unchanged.</source>
        <translation>暂时显示全部内容（教师视图）；练习设置保持不变。</translation>
    </message>
    <message>
        <source>&amp;Clear exercise</source>
        <translation>清除练习(&amp;C)</translation>
    </message>
    <message>
        <source>Locked in this exercise.</source>
        <translation>本练习中已锁定。</translation>
    </message>
</context>
<context>
    <name>ConvergencePlot</name>
    <message>
        <source>passes T</source>
        <translation>传播次数 T</translation>
    </message>
    <message>
        <source>|MC mean − eval|</source>
        <translation>|MC 均值 − 评估输出|</translation>
    </message>
    <message>
        <source>mean of T passes vs the eval-mode (weight-scaled) output</source>
        <translation>T 次传播的均值与评估模式（按权重缩放）输出之差</translation>
    </message>
    <message>
        <source>vanilla: vs the eval output without its (1-p) factor</source>
        <translation>原始 Dropout：与不含 (1-p) 因子的评估输出之差</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>Input should be greater than {limit}</source>
        <translation>输入值应大于 {limit}</translation>
    </message>
    <message>
        <source>Input should be greater than or equal to {limit}</source>
        <translation>输入值应大于或等于 {limit}</translation>
    </message>
    <message>
        <source>Input should be less than {limit}</source>
        <translation>输入值应小于 {limit}</translation>
    </message>
    <message>
        <source>Input should be less than or equal to {limit}</source>
        <translation>输入值应小于或等于 {limit}</translation>
    </message>
    <message>
        <source>Input should be a valid number, unable to parse string as a number</source>
        <translation>输入值应为有效数字，无法把该字符串解析为数字</translation>
    </message>
    <message>
        <source>Input should be a valid number</source>
        <translation>输入值应为有效数字</translation>
    </message>
    <message>
        <source>Input should be a finite number</source>
        <translation>输入值应为有限数字</translation>
    </message>
    <message>
        <source>Input should be a valid integer, unable to parse string as an integer</source>
        <translation>输入值应为有效整数，无法把该字符串解析为整数</translation>
    </message>
    <message>
        <source>Input should be a valid integer, got a number with a fractional part</source>
        <translation>输入值应为有效整数，但得到的数带有小数部分</translation>
    </message>
    <message>
        <source>Input should be a valid integer</source>
        <translation>输入值应为有效整数</translation>
    </message>
    <message>
        <source>Unable to parse input string as an integer, exceeded maximum size</source>
        <translation>无法把输入字符串解析为整数：超出了最大范围</translation>
    </message>
    <message>
        <source>Input should be a valid boolean, unable to interpret input</source>
        <translation>输入值应为有效的布尔值（true/false），无法解释该输入</translation>
    </message>
    <message>
        <source>Input should be a valid boolean</source>
        <translation>输入值应为有效的布尔值（true/false）</translation>
    </message>
    <message>
        <source>Input should be a valid string</source>
        <translation>输入值应为有效的字符串</translation>
    </message>
    <message>
        <source>Input should be a valid list</source>
        <translation>输入值应为有效的列表</translation>
    </message>
    <message>
        <source>Input should be a valid tuple</source>
        <translation>输入值应为有效的元组</translation>
    </message>
    <message>
        <source>Input should be a valid dictionary</source>
        <translation>输入值应为有效的字典（表）</translation>
    </message>
    <message>
        <source>Input should be a valid dictionary or instance of {model}</source>
        <translation>输入值应为有效的字典（表）或 {model} 实例</translation>
    </message>
    <message>
        <source>Input should be {choices}</source>
        <translation>输入值应为 {choices}</translation>
    </message>
    <message>
        <source>List should have at most {n} items after validation, not {m}</source>
        <translation>列表最多应有 {n} 项，而不是 {m} 项</translation>
    </message>
    <message>
        <source>List should have at least {n} items after validation, not {m}</source>
        <translation>列表至少应有 {n} 项，而不是 {m} 项</translation>
    </message>
    <message>
        <source>Tuple should have at most {n} items after validation, not {m}</source>
        <translation>元组最多应有 {n} 项，而不是 {m} 项</translation>
    </message>
    <message>
        <source>Tuple should have at least {n} items after validation, not {m}</source>
        <translation>元组至少应有 {n} 项，而不是 {m} 项</translation>
    </message>
    <message>
        <source>--axis &apos;{text}&apos;: expected PATH=SPEC, e.g. regularization.l2_lambda=log:1e-5:1e-1:9</source>
        <translation>--axis &apos;{text}&apos;：应为 PATH=SPEC，例如 regularization.l2_lambda=log:1e-5:1e-1:9</translation>
    </message>
    <message>
        <source>--scheduler: &apos;{address}&apos; is not a scheduler address; use tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786</source>
        <translation>--scheduler：“{address}” 不是调度器地址；请使用 tcp://HOST:PORT，例如 tcp://10.0.0.5:8786</translation>
    </message>
    <message>
        <source>--set {path}: every variant sets this field itself ({variants}), so the value would change nothing; set it per variant, e.g. --set &apos;variants[{example}].{path}=VALUE&apos; (or variants[0].{path}=VALUE)</source>
        <translation>--set {path}：每个变体都自己设置了这个字段（{variants}），所以这个值不会改变任何东西；请按变体设置，例如 --set &apos;variants[{example}].{path}=VALUE&apos;（或 variants[0].{path}=VALUE）</translation>
    </message>
    <message>
        <source>--set {path}: variants {variants} set this field themselves and keep their own value (address one with variants[NAME].{path}=VALUE)</source>
        <translation>--set {path}：变体 {variants} 自己设置了这个字段，会保留各自的值（用 variants[NAME].{path}=VALUE 指定某一个变体）</translation>
    </message>
    <message>
        <source>--set {text}: expected path=value</source>
        <translation>--set {text}：格式应为 path=value</translation>
    </message>
    <message>
        <source>--worker-data: &apos;{value}&apos; is not allowed; use path (workers read the dataset path) or send (this computer sends the data once to each worker)</source>
        <translation>--worker-data：不允许 “{value}”；请使用 path（工作进程读取数据集路径）或 send（本机向每个工作进程发送一次数据）</translation>
    </message>
    <message>
        <source>--workers and --scheduler need the &apos;distributed&apos; package: pip install distributed</source>
        <translation>--workers 和 --scheduler 需要 “distributed” 包：pip install distributed</translation>
    </message>
    <message>
        <source>--workers: &apos;{workers}&apos; is not allowed; use a whole number of processes from 1 to {limit}</source>
        <translation>--workers：不允许 “{workers}”；请使用 1 到 {limit} 之间的整数进程数</translation>
    </message>
    <message>
        <source>String should have at least {n} character</source>
        <translation>字符串至少应有 {n} 个字符</translation>
    </message>
    <message>
        <source>String should have at least {n} characters</source>
        <translation>字符串至少应有 {n} 个字符</translation>
    </message>
    <message>
        <source>String should have at most {n} characters</source>
        <translation>字符串最多只能有 {n} 个字符</translation>
    </message>
    <message>
        <source>TensorBoard logging needs the tensorboard package ({detail}); install the tensorboard extra: pip install &apos;regularization-explorer[tensorboard]&apos;</source>
        <translation>TensorBoard 日志需要 tensorboard 软件包（{detail}）；请安装 tensorboard 扩展：pip install &apos;regularization-explorer[tensorboard]&apos;</translation>
    </message>
    <message>
        <source>a chunk of {cells} cells failed on the cluster: {problem}</source>
        <translation>集群上一个含 {cells} 个单元的块失败了：{problem}</translation>
    </message>
    <message>
        <source>a chunk of {cells} cells was on workers that died {times} times ({problem}); the finished cells are kept: check the workers&apos; memory and rerun to go on</source>
        <translation>一个含 {cells} 个单元的块所在的工作进程已崩溃 {times} 次（{problem}）；已完成的单元都已保留：请检查工作进程的内存，然后重新运行以继续</translation>
    </message>
    <message>
        <source>a frame must be (height, width, 3) uint8, got {shape} {dtype}</source>
        <translation>每一帧都必须是 (高, 宽, 3) 的 uint8 数组，实际为 {shape} {dtype}</translation>
    </message>
    <message>
        <source>a list of {count} items</source>
        <translation>一个含 {count} 项的列表</translation>
    </message>
    <message>
        <source>a number of {count} digits (at most {limit})</source>
        <translation>数字长达 {count} 位（最多 {limit} 位）</translation>
    </message>
    <message>
        <source>a sweep has 1 or {limit} axes, not {count}</source>
        <translation>一个扫描有 1 或 {limit} 个轴，而不是 {count} 个</translation>
    </message>
    <message>
        <source>a sweep trains; the &apos;{kind}&apos; experiment is a demonstration without training</source>
        <translation>扫描需要训练；&apos;{kind}&apos; 实验是一个不训练的演示</translation>
    </message>
    <message>
        <source>a table of {count} keys</source>
        <translation>一个含 {count} 个键的表</translation>
    </message>
    <message>
        <source>additive</source>
        <translation>可加</translation>
    </message>
    <message>
        <source>an integer of {count} digits</source>
        <translation>一个 {count} 位的整数</translation>
    </message>
    <message>
        <source>and {count} more problems</source>
        <translation>另有 {count} 个问题</translation>
    </message>
    <message>
        <source>at least {n}</source>
        <translation>至少 {n}</translation>
    </message>
    <message>
        <source>cancelling: together no better than the better one alone</source>
        <translation>相互抵消：两者一起不比较好的那个单独使用更好</translation>
    </message>
    <message>
        <source>cannot record to {name}: not a file name</source>
        <translation>无法录制到 {name}：这不是文件名</translation>
    </message>
    <message>
        <source>cannot write TensorBoard logs to {path}: {reason}</source>
        <translation>无法把 TensorBoard 日志写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot write into {out} ({reason}); nothing was trained</source>
        <translation>无法写入 {out}（{reason}）；未进行任何训练</translation>
    </message>
    <message>
        <source>dataset.path is required for the {kind} dataset</source>
        <translation>{kind} 数据集需要 dataset.path</translation>
    </message>
    <message>
        <source>early_stopping.enabled: early stopping watches the validation split, and there is none ({field} = {size}); make {field} larger than 0 or turn early stopping off</source>
        <translation>early_stopping.enabled：早停监视的是验证集，而这里没有验证集（{field} = {size}）；请把 {field} 设为大于 0，或关闭早停</translation>
    </message>
    <message>
        <source>frame rate must be between 1 and {max} frames per second, got {fps}</source>
        <translation>帧率必须在每秒 1 到 {max} 帧之间，实际为 {fps}</translation>
    </message>
    <message>
        <source>frames of {w}x{h} pixels are too large (at most {max} per side)</source>
        <translation>{w}x{h} 像素的帧太大（每边最多 {max} 像素）</translation>
    </message>
    <message>
        <source>inverted: train mean {inverted_train}, eval {inverted_eval}; vanilla: train mean {vanilla_train}, eval {vanilla_eval}</source>
        <translation>反向缩放：训练时均值 {inverted_train}，评估时 {inverted_eval}；原始：训练时均值 {vanilla_train}，评估时 {vanilla_eval}</translation>
    </message>
    <message>
        <source>it asks for something else</source>
        <translation>它要求调用其他对象</translation>
    </message>
    <message>
        <source>it asks for {what}</source>
        <translation>它要求调用 {what}</translation>
    </message>
    <message>
        <source>less than additive (diminishing returns)</source>
        <translation>低于可加（收益递减）</translation>
    </message>
    <message>
        <source>line {line}: a dotted key of more than {limit} parts</source>
        <translation>第 {line} 行：点分键超过 {limit} 段</translation>
    </message>
    <message>
        <source>line {line}: a key or value of {count} characters (at most {limit} without quotes)</source>
        <translation>第 {line} 行：键或值长达 {count} 个字符（不加引号时最多 {limit} 个）</translation>
    </message>
    <message>
        <source>line {line}: nested more than {limit} levels deep</source>
        <translation>第 {line} 行：嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>max_memory_mb: &apos;{value}&apos; must be a number of megabytes from 0.01 to 10,000,000</source>
        <translation>max_memory_mb：&apos;{value}&apos; 必须是 0.01 到 10,000,000 之间的兆字节数</translation>
    </message>
    <message>
        <source>metric: &apos;{metric}&apos; is not a sweep metric; use one of {allowed}</source>
        <translation>metric：&apos;{metric}&apos; 不是扫描指标；请用以下之一：{allowed}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>more than additive</source>
        <translation>超过可加</translation>
    </message>
    <message>
        <source>more than {limit} key = value pairs (an experiment has a few hundred)</source>
        <translation>超过 {limit} 个“键 = 值”对（一个实验只有几百个）</translation>
    </message>
    <message>
        <source>more than {limit} values (an experiment has a few hundred)</source>
        <translation>超过 {limit} 个值（一个实验只有几百个）</translation>
    </message>
    <message>
        <source>name: a new name is for one variant; say which (variants 0 to {last})</source>
        <translation>name：新名称只属于一个变体；请指明是哪一个（变体 0 到 {last}）</translation>
    </message>
    <message>
        <source>no Dask scheduler answers at {address} (waited {seconds} s): start one with &apos;dask scheduler&apos; or check the address and the firewall</source>
        <translation>{address} 处没有 Dask 调度器响应（已等待 {seconds} 秒）：请用 “dask scheduler” 启动一个，或检查地址和防火墙</translation>
    </message>
    <message>
        <source>no built-in presets in {folder}: the installation is incomplete (reinstall the explorer)</source>
        <translation>{folder} 中没有内置预设：安装不完整（请重新安装本程序）</translation>
    </message>
    <message>
        <source>one cell with {seeds} seeds needs about {need} MB to train, over the limit of {limit} MB: use fewer seeds, a smaller network or batch, or raise max_memory_mb</source>
        <translation>一个带 {seeds} 个种子的单元训练约需 {need} MB，超过了 {limit} MB 的上限：请减少种子数、用更小的网络或批次，或提高 max_memory_mb</translation>
    </message>
    <message>
        <source>place: &apos;{kind}&apos; is not allowed; use one of {allowed}</source>
        <translation>运行位置：不允许 “{kind}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
        <source>seeds must be distinct</source>
        <translation>种子必须互不相同</translation>
    </message>
    <message>
        <source>seeds must be in 0 .. 2**31 - 1</source>
        <translation>种子必须在 0 .. 2**31 - 1 之间</translation>
    </message>
    <message>
        <source>seeds: &apos;{seeds}&apos; is not allowed; use a whole number from 1 to {limit}</source>
        <translation>seeds：不允许 &apos;{seeds}&apos;；请用 1 到 {limit} 之间的整数</translation>
    </message>
    <message>
        <source>sweep needs --preset NAME or an experiment FILE</source>
        <translation>sweep 需要 --preset NAME 或一个实验文件 FILE</translation>
    </message>
    <message>
        <source>sweep needs at least one --axis PATH=SPEC (or a [sweep] table in the experiment file)</source>
        <translation>sweep 至少需要一个 --axis PATH=SPEC（或实验文件中的 [sweep] 表）</translation>
    </message>
    <message>
        <source>the Dask scheduler at {address} has no workers (waited {seconds} s): start some with &apos;dask worker {address}&apos;</source>
        <translation>{address} 处的 Dask 调度器没有工作进程（已等待 {seconds} 秒）：请用 “dask worker {address}” 启动一些</translation>
    </message>
    <message>
        <source>the Dask scheduler at {address} went away; every finished cell is kept in the sweep folder: rerun the same command to go on</source>
        <translation>{address} 处的 Dask 调度器已断开；所有已完成的单元都保存在扫描文件夹中：重新运行同一命令即可继续</translation>
    </message>
    <message>
        <source>the additivity readout needs the value 0 on both axes (the unregularized cell)</source>
        <translation>可加性读数需要两个轴上都有 0（不加正则化的单元）</translation>
    </message>
    <message>
        <source>the file holds a {found} network, the experiment a {expected} network</source>
        <translation>文件中是 {found} 网络，实验中是 {expected} 网络</translation>
    </message>
    <message>
        <source>the output folder name is empty (it would mean the current folder); name a folder</source>
        <translation>输出文件夹名称为空（那将表示当前文件夹）；请指定一个文件夹</translation>
    </message>
    <message>
        <source>the trainer could not report the run&apos;s state ({detail}); the run is stopped: press Reset to start it again</source>
        <translation>训练器无法报告运行状态（{detail}）；运行已停止：按“重置”重新开始</translation>
    </message>
    <message>
        <source>this experiment needs about {needed} ({params} weights per variant, {variants} variants, batches of {batch}), but this machine has {available} available; use fewer or narrower layers, a smaller batch or fewer variants</source>
        <translation>该实验约需 {needed}（每个变体 {params} 个权重，{variants} 个变体，批大小 {batch}），但本机只有 {available} 可用；请减少层数或宽度、减小批大小或减少变体</translation>
    </message>
    <message>
        <source>undecided: one seed gives no uncertainty; run more seeds</source>
        <translation>无法判断：一个种子没有不确定度；请用更多种子</translation>
    </message>
    <message>
        <source>use --workers N (processes on this computer) or --scheduler ADDRESS (a cluster), not both</source>
        <translation>请使用 --workers N（本机上的进程）或 --scheduler ADDRESS（集群），不要同时使用</translation>
    </message>
    <message>
        <source>validation_fraction + test_fraction must be below 0.95</source>
        <translation>validation_fraction + test_fraction 必须小于 0.95</translation>
    </message>
    <message>
        <source>{who}early_stopping.enabled: early stopping watches the validation split, and this dataset has no validation samples ({dataset}); give it some or turn early stopping off</source>
        <translation>{who}early_stopping.enabled：早停监视的是验证集，而这个数据集没有验证样本（{dataset}）；请分出一些验证样本，或关闭早停</translation>
    </message>
    <message>
        <source>{who}early_stopping.monitor: &apos;val_accuracy&apos; needs a classification dataset, and this one is a regression ({dataset}); monitor &apos;val_loss&apos;</source>
        <translation>{who}early_stopping.monitor：&apos;val_accuracy&apos; 需要分类数据集，而这个数据集是回归问题（{dataset}）；请改为监视 &apos;val_loss&apos;</translation>
    </message>
    <message>
        <source>nesterov needs momentum &gt; 0</source>
        <translation>nesterov 需要 momentum &gt; 0</translation>
    </message>
    <message>
        <source>betas must each be in [0, 1)</source>
        <translation>betas 的每个值都必须在 [0, 1) 内</translation>
    </message>
    <message>
        <source>variant {variant_name} may not change {field}: only network.layers.N.dropout_p/dropout_kind, regularization.*, optimizer.* and early_stopping.* may differ between variants</source>
        <translation>变体 {variant_name} 不能修改 {field}：变体之间只能有 network.layers.N.dropout_p/dropout_kind、regularization.*、optimizer.* 和 early_stopping.* 不同</translation>
    </message>
    <message>
        <source>variants[{variant_name}].{problem}</source>
        <translation>variants[{variant_name}].{problem}</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} 或 {last}</translation>
    </message>
    <message>
        <source>{item} is not a control id (letters, digits, &apos;.&apos;, &apos;:&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>{item} 不是控件标识（只能由字母、数字、&apos;.&apos;、&apos;:&apos;、&apos;_&apos;、&apos;-&apos; 组成）</translation>
    </message>
    <message>
        <source>variant names must be unique</source>
        <translation>变体名称不能重复</translation>
    </message>
    <message>
        <source>early_stopping.monitor &apos;val_accuracy&apos; needs a classification dataset</source>
        <translation>early_stopping.monitor &apos;val_accuracy&apos; 需要分类数据集</translation>
    </message>
    <message>
        <source>variant {variant_name}: {field} names layer {n}, but the network has {m} hidden layers</source>
        <translation>变体 {variant_name}：{field} 指向第 {n} 层，但网络只有 {m} 个隐藏层</translation>
    </message>
    <message>
        <source>the loss became NaN or infinite at step {step} (epoch {epoch}): training diverged. Likely cause: the learning rate ({lr}) is too large. Lower it and press Reset.</source>
        <translation>损失在第 {step} 步（第 {epoch} 轮）变成了 NaN 或无穷大：训练发散了。可能的原因：学习率（{lr}）太大。请调低它，然后按“重置”。</translation>
    </message>
    <message>
        <source>the loss became NaN or infinite at step {step} (epoch {epoch}): training diverged. Likely cause: the learning rate ({lr}) is too large or the penalty λ (L1 {l1}, L2 {l2}) is very large. Lower it and press Reset.</source>
        <translation>损失在第 {step} 步（第 {epoch} 轮）变成了 NaN 或无穷大：训练发散了。可能的原因：学习率（{lr}）太大，或惩罚系数 λ（L1 {l1}，L2 {l2}）非常大。请调低它，然后按“重置”。</translation>
    </message>
    <message>
        <source>variant {variant_name}: {message}</source>
        <translation>变体 {variant_name}：{message}</translation>
    </message>
    <message>
        <source>finished: {epochs} epochs, {steps} steps</source>
        <translation>已完成：{epochs} 轮，{steps} 步</translation>
    </message>
    <message>
        <source>early stopping at epoch {epoch} (best epoch {best}, best weights restored)</source>
        <translation>在第 {epoch} 轮早停（最佳轮次为第 {best} 轮，已恢复最佳权重）</translation>
    </message>
    <message>
        <source>early stopping at epoch {epoch} (best epoch {best})</source>
        <translation>在第 {epoch} 轮早停（最佳轮次为第 {best} 轮）</translation>
    </message>
    <message>
        <source>{variant}: early stopping at epoch {epoch} (best epoch {best}, best weights restored)</source>
        <translation>{variant}：在第 {epoch} 轮早停（最佳轮次为第 {best} 轮，已恢复最佳权重）</translation>
    </message>
    <message>
        <source>{variant}: early stopping at epoch {epoch} (best epoch {best})</source>
        <translation>{variant}：在第 {epoch} 轮早停（最佳轮次为第 {best} 轮）</translation>
    </message>
    <message>
        <source>experiment kind {kind} is a demonstration, not a training run</source>
        <translation>实验类型 {kind} 是演示，不是训练运行</translation>
    </message>
    <message>
        <source>the dataset has no training samples</source>
        <translation>数据集中没有训练样本</translation>
    </message>
    <message>
        <source>cross-entropy needs a classification dataset; use loss &apos;mse&apos; or &apos;auto&apos;</source>
        <translation>交叉熵需要分类数据集；请使用损失 &apos;mse&apos; 或 &apos;auto&apos;</translation>
    </message>
    <message>
        <source>MSE on class labels is not supported; use loss &apos;cross_entropy&apos; or &apos;auto&apos;</source>
        <translation>不支持对类别标签使用 MSE；请使用损失 &apos;cross_entropy&apos; 或 &apos;auto&apos;</translation>
    </message>
    <message>
        <source>no experiment loaded</source>
        <translation>未加载实验</translation>
    </message>
    <message>
        <source>nothing to rebuild: no experiment was loaded</source>
        <translation>无法重建：尚未加载实验</translation>
    </message>
    <message>
        <source>a demonstration has no weights to save</source>
        <translation>演示没有可保存的权重</translation>
    </message>
    <message>
        <source>opened checkpoint {path} (epoch {epoch}, step {step})</source>
        <translation>已打开检查点 {path}（第 {epoch} 轮，第 {step} 步）</translation>
    </message>
    <message>
        <source>CUDA ran out of memory while building the model; choose the CPU as device (Data panel) or a smaller network, then press Reset.</source>
        <translation>构建模型时 CUDA 显存不足；请在“数据与优化器”面板中把设备改为 CPU，或使用更小的网络，然后按“重置”。</translation>
    </message>
    <message>
        <source>CUDA ran out of memory during training. Choose the CPU as device (Data panel) or use a smaller network or batch, then press Reset.</source>
        <translation>训练时 CUDA 显存不足。请在“数据与优化器”面板中把设备改为 CPU，或使用更小的网络或批量，然后按“重置”。</translation>
    </message>
    <message>
        <source>training failed: {detail}</source>
        <translation>训练失败：{detail}</translation>
    </message>
    <message>
        <source>{command} failed: {detail}</source>
        <translation>{command} 失败：{detail}</translation>
    </message>
    <message>
        <source>CUDA was asked for but is not available here; training on the CPU.</source>
        <translation>请求使用 CUDA，但本机不可用；改为在 CPU 上训练。</translation>
    </message>
    <message>
        <source>{device} does not exist; using cuda:0.</source>
        <translation>{device} 不存在；改用 cuda:0。</translation>
    </message>
    <message>
        <source>unknown device {kind}; training on the CPU.</source>
        <translation>未知设备 {kind}；改为在 CPU 上训练。</translation>
    </message>
    <message>
        <source>{where}: unknown field (check the spelling)</source>
        <translation>{where}：未知字段（请检查拼写）</translation>
    </message>
    <message>
        <source>{where}: unknown field</source>
        <translation>{where}：未知字段</translation>
    </message>
    <message>
        <source>{where}: required field is missing</source>
        <translation>{where}：缺少必填字段</translation>
    </message>
    <message>
        <source>{where}: no such index (there are {n})</source>
        <translation>{where}：没有这个序号（共有 {n} 个）</translation>
    </message>
    <message>
        <source>{where}: is not a section</source>
        <translation>{where}：不是一个节（表）</translation>
    </message>
    <message>
        <source>{where}: cannot change while training (rebuild the model instead)</source>
        <translation>{where}：训练中不能修改（请改为重建模型）</translation>
    </message>
    <message>
        <source>variant {name}: holds the control character {code}; names are shown in legends, so only visible characters and spaces are allowed</source>
        <translation>变体 {name}：含有控制字符 {code}；名称会显示在图例中，只允许可见字符和空格</translation>
    </message>
    <message>
        <source>variants[{key}]: no such variant; give a name or an index: {variants}</source>
        <translation>variants[{key}]：没有这个变体；请给出名称或索引：{variants}</translation>
    </message>
    <message>
        <source>variants[{key}]: the experiment has no variants</source>
        <translation>variants[{key}]：这个实验没有变体</translation>
    </message>
    <message>
        <source>worker {worker} cannot read the dataset path {path}: give the workers that path (a shared folder) or send the data from this computer (--worker-data send)</source>
        <translation>工作进程 {worker} 无法读取数据集路径 {path}：请让各工作进程能访问该路径（共享文件夹），或从本机发送数据（--worker-data send）</translation>
    </message>
    <message>
        <source>worker {worker} cannot run this explorer&apos;s code ({problem}); install explorer {client_explorer} with torch {client_torch} there</source>
        <translation>工作进程 {worker} 无法运行本 explorer 的代码（{problem}）；请在那里安装 explorer {client_explorer} 和 torch {client_torch}</translation>
    </message>
    <message>
        <source>worker {worker} is refused: it runs explorer {worker_explorer} with torch {worker_torch}, this computer explorer {client_explorer} with torch {client_torch}; install the same versions there or stop that worker</source>
        <translation>工作进程 {worker} 被拒绝：它运行 explorer {worker_explorer} 和 torch {worker_torch}，而本机是 explorer {client_explorer} 和 torch {client_torch}；请在那里安装相同的版本，或停止该工作进程</translation>
    </message>
    <message>
        <source>{a} alone: gain {gain_a}; {b} alone: {gain_b}; both: {gain_both} against {sum} for the sum; interaction {interaction} ± {se} over {n} seeds: {verdict}</source>
        <translation>{a} 单独：收益 {gain_a}；{b} 单独：{gain_b}；两者一起：{gain_both}，而两者之和为 {sum}；交互项 {interaction} ± {se}（{n} 个种子）：{verdict}</translation>
    </message>
    <message>
        <source>{count} weights missing ({keys})</source>
        <translation>缺少 {count} 个权重（{keys}）</translation>
    </message>
    <message>
        <source>{count} weights the experiment does not have ({keys})</source>
        <translation>有 {count} 个实验中没有的权重（{keys}）</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos; gives the same value twice</source>
        <translation>{field}：&apos;{spec}&apos; 给出了重复的值</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos; is not a range; use values (0,0.1,0.5), log:START:STOP:N or lin:START:STOP:N</source>
        <translation>{field}：&apos;{spec}&apos; 不是一个范围；请用数值列表（0,0.1,0.5）、log:START:STOP:N 或 lin:START:STOP:N</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos; needs a whole number of values N from 1 to 10,000 after the last colon</source>
        <translation>{field}：&apos;{spec}&apos; 的最后一个冒号后需要 1 到 10,000 之间的整数个数 N</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos;: a log range must stay above 0 (e.g. log:1e-5:1e-1:9); add 0 as an explicit value in a list instead</source>
        <translation>{field}：&apos;{spec}&apos;：对数范围必须大于 0（例如 log:1e-5:1e-1:9）；要包含 0，请把它作为列表中的一个值</translation>
    </message>
    <message>
        <source>{field}: &apos;{spec}&apos;: this field takes whole numbers only</source>
        <translation>{field}：&apos;{spec}&apos;：这个字段只接受整数</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; is not a finite number</source>
        <translation>{field}：&apos;{value}&apos; 不是有限的数</translation>
    </message>
    <message>
        <source>{field}: cannot be swept; the fields that can: {allowed}</source>
        <translation>{field}：不能扫描；可以扫描的字段：{allowed}</translation>
    </message>
    <message>
        <source>{field}: swept twice; give each field one axis</source>
        <translation>{field}：被扫描了两次；每个字段只能有一个轴</translation>
    </message>
    <message>
        <source>{field}: the network has {layers} hidden layers (indices 0 to {last})</source>
        <translation>{field}：网络有 {layers} 个隐藏层（索引 0 到 {last}）</translation>
    </message>
    <message>
        <source>{field}: unknown scale &apos;{scale}&apos;; use log:START:STOP:N or lin:START:STOP:N</source>
        <translation>{field}：未知的刻度 &apos;{scale}&apos;；请用 log:START:STOP:N 或 lin:START:STOP:N</translation>
    </message>
    <message>
        <source>{field}: {sizes} = {cells} cells is over the limit of {limit} cells; use fewer values</source>
        <translation>{field}：{sizes} = {cells} 个单元，超过了 {limit} 个单元的上限；请减少取值</translation>
    </message>
    <message>
        <source>{folder} holds another sweep ({what} differs): choose a new --out folder or delete it</source>
        <translation>{folder} 中是另一个扫描（{what} 不同）：请选择新的 --out 文件夹或删除它</translation>
    </message>
    <message>
        <source>{folder}/sweep.json cannot be read ({problem}): choose a new --out folder</source>
        <translation>无法读取 {folder}/sweep.json（{problem}）：请选择新的 --out 文件夹</translation>
    </message>
    <message>
        <source>{key} is {found} in the file, {expected} in the experiment</source>
        <translation>{key} 在文件中为 {found}，在实验中为 {expected}</translation>
    </message>
    <message>
        <source>{messages}</source>
        <translation>{messages}</translation>
    </message>
    <message>
        <source>{name} does not fit its experiment: {differences}</source>
        <translation>{name} 与其实验不匹配：{differences}</translation>
    </message>
    <message>
        <source>{name}: reading {rows} of its {total} items</source>
        <translation>{name}：读取其 {total} 项中的 {rows} 项</translation>
    </message>
    <message>
        <source>{name}: refused: the file declares {declared} of tensors, but a checkpoint of its experiment holds at most {bound}; opening it would fill the memory</source>
        <translation>{name}：已拒绝：该文件声明了 {declared} 的张量，而其实验的检查点最多只有 {bound}；打开它会占满内存</translation>
    </message>
    <message>
        <source>{name}: refused: the file holds objects other than tensors and plain values ({asks}), which could run code when loaded; it was not opened</source>
        <translation>{name}：已拒绝：该文件含有张量和普通数值以外的对象（{asks}），加载时可能执行代码；未打开该文件</translation>
    </message>
    <message>
        <source>{name}: row {row} has {count} columns; at most {limit} (10,000 inputs and the target) are read</source>
        <translation>{name}：第 {row} 行有 {count} 列；最多读取 {limit} 列（10,000 个输入和目标列）</translation>
    </message>
    <message>
        <source>{name}: {cells} cells</source>
        <translation>{name}：{cells} 个单元格</translation>
    </message>
    <message>
        <source>{out} exists and is not a folder</source>
        <translation>{out} 已存在且不是文件夹</translation>
    </message>
    <message>
        <source>{out} is in use by another run; choose another output folder or let that run end</source>
        <translation>{out} 正被另一次运行使用；请选择其他输出文件夹，或等那次运行结束</translation>
    </message>
    <message>
        <source>{path}: a variant may change only network.layers.N.dropout_p/dropout_kind, regularization.*, optimizer.* and early_stopping.*</source>
        <translation>{path}：变体只能修改 network.layers.N.dropout_p/dropout_kind、regularization.*、optimizer.* 和 early_stopping.*</translation>
    </message>
    <message>
        <source>{path}: unknown field {field}</source>
        <translation>{path}：未知字段 {field}</translation>
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
        <translation>{problem}（扫描 {field} 的一个取值）</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>{what} needs {needed}, but this machine has {available} available</source>
        <translation>{what}需要 {needed}，但本机只有 {available} 可用</translation>
    </message>
    <message>
        <source>{where}: a key of {count} characters (at most {limit}): {key}</source>
        <translation>{where}：键长达 {count} 个字符（最多 {limit} 个）：{key}</translation>
    </message>
    <message>
        <source>{where}: a list of {count} items (at most {limit})</source>
        <translation>{where}：列表有 {count} 项（最多 {limit} 项）</translation>
    </message>
    <message>
        <source>{where}: a table of {count} keys (at most {limit})</source>
        <translation>{where}：表有 {count} 个键（最多 {limit} 个）</translation>
    </message>
    <message>
        <source>{where}: each axis needs path = &quot;FIELD&quot; and values = &quot;SPEC&quot; or a list</source>
        <translation>{where}：每个轴都需要 path = &quot;FIELD&quot; 以及 values = &quot;SPEC&quot; 或一个列表</translation>
    </message>
    <message>
        <source>{where}: must be a table with axes = [...] and seeds = N</source>
        <translation>{where}：必须是包含 axes = [...] 和 seeds = N 的表</translation>
    </message>
    <message>
        <source>{where}: must be one of {choices} (got {value})</source>
        <translation>{where}：必须是 {choices} 之一（实际为 {value}）</translation>
    </message>
    <message>
        <source>{where}: nested more than {limit} levels deep</source>
        <translation>{where}：嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>{where}: unknown key &apos;{key}&apos;; allowed: {allowed}</source>
        <translation>{where}：未知的键 &apos;{key}&apos;；允许的键：{allowed}</translation>
    </message>
    <message>
        <source>{where}: {msg} (got {value})</source>
        <translation>{where}：{msg}（实际为 {value}）</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>{where}: must be a table/object of fields, got {type}</source>
        <translation>{where}：必须是由字段组成的表/对象，实际为 {type}</translation>
    </message>
    <message>
        <source>variant {variant_index}: the experiment has no variants</source>
        <translation>变体 {variant_index}：该实验没有变体</translation>
    </message>
    <message>
        <source>variant {variant_index}: no such variant (there are {n})</source>
        <translation>变体 {variant_index}：没有这个变体（共有 {n} 个）</translation>
    </message>
    <message>
        <source>schema_version: this file was written by a newer explorer (version {version}); this one reads up to version {max}</source>
        <translation>schema_version：此文件由更新版本的探索器写入（版本 {version}）；当前版本最多只能读取版本 {max}</translation>
    </message>
    <message>
        <source>experiment: nested too deeply to be an experiment file</source>
        <translation>experiment：嵌套过深，不像是实验文件</translation>
    </message>
    <message>
        <source>not valid {fmt}: nested too deeply to be an experiment file</source>
        <translation>不是有效的 {fmt}：嵌套过深，不像是实验文件</translation>
    </message>
    <message>
        <source>not valid {fmt}: {detail}</source>
        <translation>不是有效的 {fmt}：{detail}</translation>
    </message>
    <message>
        <source>{name}: too large for an experiment file ({size} bytes)</source>
        <translation>{name}：作为实验文件太大（{size} 字节）</translation>
    </message>
    <message>
        <source>{name}: not UTF-8 text</source>
        <translation>{name}：不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>unknown preset {preset}; the presets are: {names}</source>
        <translation>未知预设 {preset}；可用的预设有：{names}</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: the disk is full</source>
        <translation>无法写入 {path}：磁盘已满</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>{name}: {size} bytes is too large for an explorer checkpoint</source>
        <translation>{name}：{size} 字节，作为探索器检查点太大</translation>
    </message>
    <message>
        <source>{name}: not an explorer checkpoint (not a PyTorch zip file, or truncated)</source>
        <translation>{name}：不是探索器检查点（不是 PyTorch zip 文件，或已被截断）</translation>
    </message>
    <message>
        <source>{name}: corrupt or truncated checkpoint ({detail})</source>
        <translation>{name}：检查点已损坏或被截断（{detail}）</translation>
    </message>
    <message>
        <source>{name}: not a Regularization Explorer checkpoint</source>
        <translation>{name}：不是正则化探索器的检查点</translation>
    </message>
    <message>
        <source>{name}: checkpoint has no format version</source>
        <translation>{name}：检查点没有格式版本</translation>
    </message>
    <message>
        <source>{name}: written by a newer Regularization Explorer (checkpoint format {format}, version {app_version}); this version reads format {max} or older. Update the explorer to open it.</source>
        <translation>{name}：由更新版本的正则化探索器写入（检查点格式 {format}，版本 {app_version}）；当前版本只能读取格式 {max} 及更早的格式。请更新探索器后再打开。</translation>
    </message>
    <message>
        <source>{name}: its experiment is invalid: {problems}</source>
        <translation>{name}：其中的实验无效：{problems}</translation>
    </message>
    <message>
        <source>{name}: checkpoint is missing required entries</source>
        <translation>{name}：检查点缺少必需的条目</translation>
    </message>
    <message>
        <source>checkpoint and experiment disagree on the number of variants</source>
        <translation>检查点与实验的变体数量不一致</translation>
    </message>
    <message>
        <source>checkpoint does not fit its experiment: {detail}</source>
        <translation>检查点与其实验不匹配：{detail}</translation>
    </message>
    <message>
        <source>unknown dataset kind {kind}</source>
        <translation>未知数据集类型 {kind}</translation>
    </message>
    <message>
        <source>highdim: {samples} samples x {inputs} inputs is {values} values, more than the {max} this explorer draws; lower n_train/n_val/n_test or input_dim</source>
        <translation>highdim：{samples} 个样本 × {inputs} 个输入共 {values} 个值，超过了本探索器可生成的 {max} 个；请调低 n_train/n_val/n_test 或 input_dim</translation>
    </message>
    <message>
        <source>only {n} samples: nothing left for training after the validation and test fractions</source>
        <translation>只有 {n} 个样本：划出验证集和测试集后没有剩余的训练数据</translation>
    </message>
    <message>
        <source>only {n} images: nothing left for training after the validation and test fractions</source>
        <translation>只有 {n} 张图像：划出验证集和测试集后没有剩余的训练数据</translation>
    </message>
    <message>
        <source>only {n} rows: nothing left for training after the validation and test fractions</source>
        <translation>只有 {n} 行：划出验证集和测试集后没有剩余的训练数据</translation>
    </message>
    <message>
        <source>cannot read the digits data {path}: {detail}</source>
        <translation>无法读取手写数字数据 {path}：{detail}</translation>
    </message>
    <message>
        <source>{name}: expected 65 columns (64 pixels and the label), found {shape}</source>
        <translation>{name}：应有 65 列（64 个像素加标签），实际形状为 {shape}</translation>
    </message>
    <message>
        <source>idx dataset: {path} does not exist</source>
        <translation>idx 数据集：{path} 不存在</translation>
    </message>
    <message>
        <source>{name}: found {n} IDX images files ({files}); expected one pair, or one train and one t10k/test pair</source>
        <translation>{name}：找到 {n} 个 IDX 图像文件（{files}）；应只有一对，或一对训练文件加一对 t10k/test 文件</translation>
    </message>
    <message>
        <source>{name}: images are {shape}, but {other} has {other_shape}</source>
        <translation>{name}：图像尺寸为 {shape}，但 {other} 的是 {other_shape}</translation>
    </message>
    <message>
        <source>csv dataset: {path} is not a file</source>
        <translation>csv 数据集：{path} 不是文件</translation>
    </message>
    <message>
        <source>{name}: the target column {target} has a single value ({number}); nothing to learn</source>
        <translation>{name}：目标列 {target} 只有一个取值（{number}）；没有可学习的内容</translation>
    </message>
    <message>
        <source>{name}: not UTF-8 text (byte {byte} in row {row}); save it as UTF-8 CSV</source>
        <translation>{name}：不是 UTF-8 文本（第 {row} 行的字节 {byte}）；请另存为 UTF-8 CSV</translation>
    </message>
    <message>
        <source>{name}: too large ({size} bytes; at most {max})</source>
        <translation>{name}：文件太大（{size} 字节；最多 {max}）</translation>
    </message>
    <message>
        <source>{name}: only one column; need at least one input column and the target (last) column</source>
        <translation>{name}：只有一列；至少需要一个输入列和目标列（最后一列）</translation>
    </message>
    <message>
        <source>{name}: row {row} has {cells} cells, expected {width} (like row {first})</source>
        <translation>{name}：第 {row} 行有 {cells} 个单元格，应为 {width} 个（与第 {first} 行相同）</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {column} ({header}): missing value</source>
        <translation>{name}：第 {row} 行第 {column} 列（{header}）：缺少数值</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {column} ({header}): {cell} is not a number</source>
        <translation>{name}：第 {row} 行第 {column} 列（{header}）：{cell} 不是数字</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {column} ({header}): {cell} is not a finite number</source>
        <translation>{name}：第 {row} 行第 {column} 列（{header}）：{cell} 不是有限数字</translation>
    </message>
    <message>
        <source>{name}: row {row}: malformed CSV ({detail})</source>
        <translation>{name}：第 {row} 行：CSV 格式错误（{detail}）</translation>
    </message>
    <message>
        <source>{name}: the file is empty</source>
        <translation>{name}：文件为空</translation>
    </message>
    <message>
        <source>{name}: has a header row but no data rows</source>
        <translation>{name}：只有表头行，没有数据行</translation>
    </message>
    <message>
        <source>{name}: corrupt or truncated gzip data ({detail})</source>
        <translation>{name}：gzip 数据已损坏或被截断（{detail}）</translation>
    </message>
    <message>
        <source>{name}: not an IDX file (its first bytes are {head}, expected 0000 followed by a type code and a dimension count)</source>
        <translation>{name}：不是 IDX 文件（开头字节为 {head}，应为 0000 后接类型码和维数）</translation>
    </message>
    <message>
        <source>{name}: unknown IDX data type code {code} (known codes: {known})</source>
        <translation>{name}：未知的 IDX 数据类型码 {code}（已知的类型码：{known}）</translation>
    </message>
    <message>
        <source>{name}: IDX header declares 0 dimensions</source>
        <translation>{name}：IDX 文件头声明了 0 个维度</translation>
    </message>
    <message>
        <source>{name}: truncated IDX header: expected {expected} bytes of dimensions for {ndim} dimensions, found {found}</source>
        <translation>{name}：IDX 文件头被截断：{ndim} 个维度应有 {expected} 字节的维度信息，实际只有 {found} 字节</translation>
    </message>
    <message>
        <source>{name}: negative dimension in IDX header {dims}</source>
        <translation>{name}：IDX 文件头 {dims} 中有负的维度</translation>
    </message>
    <message>
        <source>{name}: IDX header declares dimensions {dims} ({bytes} bytes), more than the {max} bytes this reader accepts</source>
        <translation>{name}：IDX 文件头声明的维度为 {dims}（{bytes} 字节），超过了本读取器接受的 {max} 字节</translation>
    </message>
    <message>
        <source>{name}: truncated IDX data: expected {expected} bytes for dimensions {dims}, found {found}</source>
        <translation>{name}：IDX 数据被截断：维度 {dims} 应有 {expected} 字节，实际只有 {found} 字节</translation>
    </message>
    <message>
        <source>{name}: {extra} bytes of trailing garbage after the IDX data (dimensions {dims} take {bytes} bytes)</source>
        <translation>{name}：IDX 数据之后多出 {extra} 字节的无用数据（维度 {dims} 只占 {bytes} 字节）</translation>
    </message>
    <message>
        <source>{name}: not an IDX images file name (expected a name containing &apos;images-idx3-ubyte&apos;)</source>
        <translation>{name}：不是 IDX 图像文件名（文件名中应包含 &apos;images-idx3-ubyte&apos;）</translation>
    </message>
    <message>
        <source>{name}: no labels file beside it (expected {file})</source>
        <translation>{name}：旁边没有标签文件（应为 {file}）</translation>
    </message>
    <message>
        <source>cannot list {folder}: {reason}</source>
        <translation>无法列出 {folder} 的内容：{reason}</translation>
    </message>
    <message>
        <source>{name}: no IDX images file (*images-idx3-ubyte or *images-idx3-ubyte.gz) in this folder</source>
        <translation>{name}：此文件夹中没有 IDX 图像文件（*images-idx3-ubyte 或 *images-idx3-ubyte.gz）</translation>
    </message>
    <message>
        <source>{name}: expected images of shape (N, height, width), found shape {shape}</source>
        <translation>{name}：图像的形状应为 (N, 高, 宽)，实际为 {shape}</translation>
    </message>
    <message>
        <source>{name}: expected labels of shape (N,), found shape {shape}</source>
        <translation>{name}：标签的形状应为 (N,)，实际为 {shape}</translation>
    </message>
    <message>
        <source>{name}: labels must be integers, found {dtype}</source>
        <translation>{name}：标签必须是整数，实际类型为 {dtype}</translation>
    </message>
    <message>
        <source>{name} has {images} images but {other} has {labels} labels</source>
        <translation>{name} 有 {images} 张图像，但 {other} 有 {labels} 个标签</translation>
    </message>
    <message>
        <source>{name}: holds no images</source>
        <translation>{name}：没有图像</translation>
    </message>
    <message>
        <source>{name}: negative label {label}</source>
        <translation>{name}：标签 {label} 为负数</translation>
    </message>
    <message>
        <source>{name}: label {label} is too large (at most 999 classes)</source>
        <translation>{name}：标签 {label} 太大（最多 999 个类别）</translation>
    </message>
    <message>
        <source>IDX images contain non-finite values</source>
        <translation>IDX 图像含有非有限值（NaN 或无穷大）</translation>
    </message>
    <message>
        <source>cannot record to {name}: use a .gif or .mp4 file name</source>
        <translation>无法录制到 {name}：请使用 .gif 或 .mp4 文件名</translation>
    </message>
    <message>
        <source>{name}: the recording is already finished</source>
        <translation>{name}：录制已经结束</translation>
    </message>
    <message>
        <source>{name}: no frames were recorded; nothing written</source>
        <translation>{name}：没有录到任何帧；未写入文件</translation>
    </message>
    <message>
        <source>{name}: a GIF of {w}x{h} holds at most {frames} frames; record an MP4 for longer runs</source>
        <translation>{name}：{w}x{h} 的 GIF 最多只能容纳 {frames} 帧；较长的训练请录制 MP4</translation>
    </message>
    <message>
        <source>MP4 needs imageio and imageio-ffmpeg ({detail}); pip install imageio imageio-ffmpeg</source>
        <translation>MP4 需要 imageio 和 imageio-ffmpeg（{detail}）；请运行 pip install imageio imageio-ffmpeg</translation>
    </message>
    <message>
        <source>cannot start the MP4 encoder for {name}: {detail}</source>
        <translation>无法为 {name} 启动 MP4 编码器：{detail}</translation>
    </message>
    <message>
        <source>variant name</source>
        <translation>变体名称</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>mirror &apos;{url}&apos; is not an http:// or https:// URL (a base URL under which the four files have their upstream names)</source>
        <translation>镜像“{url}”不是 http:// 或 https:// 网址（应为一个基础网址，四个文件以其原始文件名位于其下）</translation>
    </message>
    <message>
        <source>download of {title} cancelled; nothing half downloaded was kept</source>
        <translation>{title} 的下载已取消；未保留任何下载了一半的文件</translation>
    </message>
    <message>
        <source>cannot copy {name} into {folder}: {reason}</source>
        <translation>无法将 {name} 复制到 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{title}: could not download {name} from any mirror ({reasons}). Offline? Copy the four files ({files}) into {folder}, or import a folder that holds them (python -m explorer data import {kind} FOLDER)</source>
        <translation>{title}：无法从任何镜像下载 {name}（{reasons}）。没有联网？请把这四个文件（{files}）复制到 {folder}，或导入存放它们的文件夹（python -m explorer data import {kind} FOLDER）</translation>
    </message>
    <message>
        <source>{title}: {problems}</source>
        <translation>{title}：{problems}</translation>
    </message>
    <message>
        <source>{name}: {problem} (not imported)</source>
        <translation>{name}：{problem}（未导入）</translation>
    </message>
    <message>
        <source>{name}: md5 {got} does not match the published checksum {expected} (not imported)</source>
        <translation>{name}：md5 {got} 与公布的校验和 {expected} 不符（未导入）</translation>
    </message>
    <message>
        <source>{folder}: missing {names} (the {title} files keep their upstream names)</source>
        <translation>{folder}：缺少 {names}（{title} 的文件需保留其原始文件名）</translation>
    </message>
    <message>
        <source>{name}: found uncompressed; the published checksums are of the .gz files (use those, or train on this folder with the idx dataset kind)</source>
        <translation>{name}：找到的是未压缩的文件；公布的校验和针对的是 .gz 文件（请使用 .gz 文件，或用 idx 数据集类型直接在此文件夹上训练）</translation>
    </message>
    <message>
        <source>Data in use: {title}, the set this lesson was written for ({n_train} training, {n_val} validation and {n_test} test images).</source>
        <translation>当前数据：{title}，即本课所针对的数据集（{n_train} 张训练图像、{n_val} 张验证图像和 {n_test} 张测试图像）。</translation>
    </message>
    <message>
        <source>Data in use: the built-in 8x8 digits, so this runs offline. The lesson was written for {title}: one click uses it (Use {title}), or fetch it with python -m explorer data fetch {kind}.</source>
        <translation>当前数据：内置的 8x8 手写数字，因此可以离线运行。本课针对的是 {title}：点击一下即可改用（使用 {title}），也可以用 python -m explorer data fetch {kind} 下载。</translation>
    </message>
    <message>
        <source>{url}: checksum does not match the published md5 {expected} (refused, nothing kept)</source>
        <translation>{url}：校验和与公布的 md5 {expected} 不符（已拒绝，未保留任何文件）</translation>
    </message>
    <message>
        <source>{url}: {reason}</source>
        <translation>{url}：{reason}</translation>
    </message>
    <message>
        <source>{url}: {reason} ({tries} tries)</source>
        <translation>{url}：{reason}（尝试了 {tries} 次）</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path} 不是文件夹</translation>
    </message>
    <message>
        <source>{name}: expected unsigned-byte pixels, found {dtype}</source>
        <translation>{name}：像素应为无符号字节，实际为 {dtype}</translation>
    </message>
    <message>
        <source>{title} is not downloaded yet (missing: {missing}). Fetch it (python -m explorer data fetch {kind}), copy the four files into {folder}, or import a folder that holds them (python -m explorer data import {kind} FOLDER)</source>
        <translation>{title} 尚未下载（缺少：{missing}）。请下载它（python -m explorer data fetch {kind}），或把这四个文件复制到 {folder}，或导入存放它们的文件夹（python -m explorer data import {kind} FOLDER）</translation>
    </message>
    <message>
        <source>{name} was refused and removed: its md5 {got} does not match the published checksum {expected}; fetch or import it again</source>
        <translation>{name} 已被拒绝并删除：其 md5 {got} 与公布的校验和 {expected} 不符；请重新下载或导入</translation>
    </message>
    <message>
        <source>unknown data set &apos;{kind}&apos;; the downloadable sets are: {known}</source>
        <translation>未知的数据集“{kind}”；可下载的数据集有：{known}</translation>
    </message>
</context>
<context>
    <name>CurveBands</name>
    <message>
        <source>mean of T passes</source>
        <translation>T 次传播的均值</translation>
    </message>
    <message>
        <source>±2 SD of the passes</source>
        <translation>各次传播的 ±2 标准差</translation>
    </message>
    <message>
        <source>single passes (faint)</source>
        <translation>单次传播（浅色）</translation>
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
        <translation>预测</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>true curve</source>
        <translation>真实曲线</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
</context>
<context>
    <name>DataDownload</name>
    <message>
        <source>Folder with the {0} files</source>
        <translation>存放 {0} 文件的文件夹</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Downloading {0} (about {1} MB, once; it is kept in {2})…</source>
        <translation>正在下载 {0}（约 {1} MB，只需下载一次；保存在 {2}）…</translation>
    </message>
    <message>
        <source>Importing {0} from {1}…</source>
        <translation>正在从 {1} 导入 {0}…</translation>
    </message>
    <message>
        <source>Downloading {0}: file {1} of {2} ({3}), {4} of {5} MB</source>
        <translation>正在下载 {0}：第 {1} 个文件，共 {2} 个（{3}），{4} / {5} MB</translation>
    </message>
    <message>
        <source>{0} is ready: training starts</source>
        <translation>{0} 已就绪：开始训练</translation>
    </message>
    <message>
        <source>Download of {0} cancelled; nothing half downloaded was kept</source>
        <translation>{0} 的下载已取消；未保留任何下载了一半的文件</translation>
    </message>
    <message>
        <source>{0} is not available</source>
        <translation>{0} 不可用</translation>
    </message>
    <message>
        <source>{0} could not be downloaded or imported.</source>
        <translation>无法下载或导入 {0}。</translation>
    </message>
    <message>
        <source>Two ways out:
1. Copy the four files ({0}) into this folder, then choose {1} again:
{2}
2. Import a folder that holds them (a USB stick): Import folder…</source>
        <translation>两种解决办法：
1. 把这四个文件（{0}）复制到下面的文件夹，然后重新选择 {1}：
{2}
2. 导入存放它们的文件夹（例如 U 盘）：导入文件夹…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>{0} could not be downloaded: {1}</source>
        <translation>无法下载 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Demonstration</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>dropout p</source>
        <translation>Dropout 概率 p</translation>
    </message>
    <message>
        <source>inputs n</source>
        <translation>输入数 n</translation>
    </message>
    <message>
        <source>train-mode passes</source>
        <translation>训练模式前向次数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>line y = 1.5x + noise</source>
        <translation>直线 y = 1.5x + 噪声</translation>
    </message>
    <message>
        <source>sine curve</source>
        <translation>正弦曲线</translation>
    </message>
    <message>
        <source>x sin x (uncertainty demo)</source>
        <translation>x sin x（不确定性演示）</translation>
    </message>
    <message>
        <source>parabola y = x²</source>
        <translation>抛物线 y = x²</translation>
    </message>
    <message>
        <source>high-dimensional linear</source>
        <translation>高维线性</translation>
    </message>
    <message>
        <source>circles (2-D)</source>
        <translation>同心圆（二维）</translation>
    </message>
    <message>
        <source>XOR (2-D)</source>
        <translation>异或 XOR（二维）</translation>
    </message>
    <message>
        <source>two Gaussians (2-D)</source>
        <translation>两个高斯分布（二维）</translation>
    </message>
    <message>
        <source>spiral (2-D)</source>
        <translation>螺旋（二维）</translation>
    </message>
    <message>
        <source>moons (2-D)</source>
        <translation>双月（二维）</translation>
    </message>
    <message>
        <source>digits 8×8 images</source>
        <translation>手写数字 8×8 图像</translation>
    </message>
    <message>
        <source>Fashion-MNIST 28×28 (downloaded once)</source>
        <translation>Fashion-MNIST 28×28（只需下载一次）</translation>
    </message>
    <message>
        <source>MNIST digits 28×28 (downloaded once)</source>
        <translation>MNIST 手写数字 28×28（只需下载一次）</translation>
    </message>
    <message>
        <source>IDX images (MNIST)…</source>
        <translation>IDX 图像（MNIST）…</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>choose a file or folder</source>
        <translation>选择文件或文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>noise σ</source>
        <translation>噪声 σ</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>训练样本数</translation>
    </message>
    <message>
        <source>validation points</source>
        <translation>验证样本数</translation>
    </message>
    <message>
        <source>test points</source>
        <translation>测试样本数</translation>
    </message>
    <message>
        <source>inputs d</source>
        <translation>输入维度 d</translation>
    </message>
    <message>
        <source>validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>test share</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>max samples</source>
        <translation>最大样本数</translation>
    </message>
    <message>
        <source>Regenerate data (new seed)</source>
        <translation>重新生成数据（新种子）</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>training seed</source>
        <translation>训练随机种子</translation>
    </message>
    <message>
        <source>seeds per variant</source>
        <translation>每个变体的种子数</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>folder with *-idx3-ubyte files</source>
        <translation>包含 *-idx3-ubyte 文件的文件夹</translation>
    </message>
    <message>
        <source>a .csv file</source>
        <translation>一个 .csv 文件</translation>
    </message>
    <message>
        <source>in use: {0}</source>
        <translation>正在使用：{0}</translation>
    </message>
    <message>
        <source> (CUDA not available: fell back to the CPU)</source>
        <translation>（CUDA 不可用：已改用 CPU）</translation>
    </message>
    <message>
        <source>CUDA GPU ({0})</source>
        <translation>CUDA GPU（{0}）</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>CUDA GPU ({0} found)</source>
        <translation>CUDA GPU（找到 {0} 个）</translation>
    </message>
    <message>
        <source>CUDA GPU (none found)</source>
        <translation>CUDA GPU（未找到）</translation>
    </message>
    <message>
        <source>auto (GPU if present)</source>
        <translation>自动（有 GPU 时用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Choose the {0} for the {1} dataset (Browse…)</source>
        <translation>请为 {1} 数据集选择{0}（浏览…）</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder with IDX files</source>
        <translation>包含 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.csv.gz);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.csv.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The {0} dataset needs a path</source>
        <translation>{0} 数据集需要一个路径</translation>
    </message>
</context>
<context>
    <name>ExerciseDialog</name>
    <message>
        <source>Edit exercise</source>
        <translation>编辑练习</translation>
    </message>
    <message>
        <source>Tick what students should not see, and the fields they may look at but not change. Save the experiment (File ▸ Save experiment) to hand the exercise out.</source>
        <translation>勾选学生不应看到的内容，以及他们只能查看、不能修改的字段。保存实验（文件 ▸ 保存实验）即可把练习发给学生。</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>控件</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
</context>
<context>
    <name>FigureExportDialog</name>
    <message>
        <source>Screen size × 1</source>
        <translation>屏幕尺寸 × 1</translation>
    </message>
    <message>
        <source>Screen size × 2 (sharp on high-DPI screens)</source>
        <translation>屏幕尺寸 × 2（在高分辨率屏幕上清晰）</translation>
    </message>
    <message>
        <source>Screen size × 3</source>
        <translation>屏幕尺寸 × 3</translation>
    </message>
    <message>
        <source>Full HD 1920 × 1080 (projector)</source>
        <translation>全高清 1920 × 1080（投影仪）</translation>
    </message>
    <message>
        <source>4K 3840 × 2160 (4K projector)</source>
        <translation>4K 3840 × 2160（4K 投影仪）</translation>
    </message>
    <message>
        <source>Print, A4 landscape at 300 dpi (3508 × 2480)</source>
        <translation>打印，A4 横向 300 dpi（3508 × 2480）</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>The figures are written here, one file per view and format (fit.png, loss.svg, …) plus the whole dashboard.</source>
        <translation>图表写入此处：每个视图、每种格式各一个文件（fit.png、loss.svg 等），另加整个仪表板。</translation>
    </message>
    <message>
        <source>Export figures to folder</source>
        <translation>将图表导出到文件夹</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Every view, and the whole dashboard</source>
        <translation>所有视图及整个仪表板</translation>
    </message>
    <message>
        <source>The whole dashboard only</source>
        <translation>仅整个仪表板</translation>
    </message>
    <message>
        <source>View: {0}</source>
        <translation>视图：{0}</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Pixels: slides, web pages, chat</source>
        <translation>像素图：用于幻灯片、网页、聊天</translation>
    </message>
    <message>
        <source>Vectors: editable in Inkscape or Illustrator, sharp at any size</source>
        <translation>矢量图：可在 Inkscape 或 Illustrator 中编辑，任意尺寸都清晰</translation>
    </message>
    <message>
        <source>Vectors: LaTeX documents and printed handouts</source>
        <translation>矢量图：用于 LaTeX 文档和打印讲义</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Only PNG has a pixel size; SVG and PDF are vectors and stay sharp at any size.</source>
        <translation>只有 PNG 有像素尺寸；SVG 和 PDF 是矢量图，任意尺寸都清晰。</translation>
    </message>
    <message>
        <source>PNG size:</source>
        <translation>PNG 尺寸：</translation>
    </message>
    <message>
        <source>Custom size:</source>
        <translation>自定义尺寸：</translation>
    </message>
    <message>
        <source>Print style: white background, black ink, no grid</source>
        <translation>打印样式：白色背景、黑色线条、无网格</translation>
    </message>
    <message>
        <source>For slides and handouts, also when the app shows a dark theme. Variant colours stay the same.</source>
        <translation>用于幻灯片和讲义，即使程序正使用深色主题也适用。各变体的颜色保持不变。</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>样式：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose a folder for the figures.</source>
        <translation>请为图表选择一个文件夹。</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>the name contains a NUL character</source>
        <translation>名称中含有 NUL 字符</translation>
    </message>
    <message>
        <source>{0} is not a file name</source>
        <translation>{0} 不是文件名</translation>
    </message>
    <message>
        <source>the name {0}… is too long for the file system</source>
        <translation>名称 {0}… 对文件系统来说太长</translation>
    </message>
    <message>
        <source>{0} is a folder</source>
        <translation>{0} 是一个文件夹</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder</source>
        <translation>{0} 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>the folder {0} is not writable</source>
        <translation>文件夹 {0} 不可写</translation>
    </message>
    <message>
        <source>the clipboard holds no experiment text</source>
        <translation>剪贴板中没有实验文本</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} 字节</translation>
    </message>
    <message>
        <source>Open chec&amp;kpoint…</source>
        <translation>打开检查点(&amp;K)…</translation>
    </message>
    <message>
        <source>Open a saved checkpoint: look at its weights, histograms and history, or press Play to continue training it</source>
        <translation>打开已保存的检查点：查看其权重、直方图和训练历史，或按“播放”继续训练</translation>
    </message>
    <message>
        <source>Export &amp;best weights (best.pt)…</source>
        <translation>导出最佳权重 (best.pt)(&amp;B)…</translation>
    </message>
    <message>
        <source>The weights early stopping restored (the best validation epoch), as a checkpoint</source>
        <translation>早停恢复的权重（验证效果最好的那一轮），保存为检查点</translation>
    </message>
    <message>
        <source>Export &amp;metrics (CSV, JSON)…</source>
        <translation>导出指标 (CSV, JSON)(&amp;M)…</translation>
    </message>
    <message>
        <source>The history as a table: one row per evaluation, one column group per variant</source>
        <translation>以表格形式导出训练历史：每次评估一行，每个变体一组列</translation>
    </message>
    <message>
        <source>&amp;Record animation…</source>
        <translation>录制动画(&amp;R)…</translation>
    </message>
    <message>
        <source>Record the run as an animated GIF or an MP4 video while it trains</source>
        <translation>在训练进行时把过程录制为 GIF 动图或 MP4 视频</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy experiment</source>
        <translation>复制实验(&amp;C)</translation>
    </message>
    <message>
        <source>Put the experiment on the clipboard as TOML text, to paste into a chat or a handout</source>
        <translation>把实验以 TOML 文本放到剪贴板，可粘贴到聊天或讲义中</translation>
    </message>
    <message>
        <source>&amp;Paste experiment</source>
        <translation>粘贴实验(&amp;P)</translation>
    </message>
    <message>
        <source>Open the experiment whose JSON or TOML text is on the clipboard</source>
        <translation>打开剪贴板中 JSON 或 TOML 文本描述的实验</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop recording and write the file</source>
        <translation>停止录制并写入文件</translation>
    </message>
    <message>
        <source>Figures not exported: {0} is a file, not a folder</source>
        <translation>图表未导出：{0} 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>Figures not exported: no view called {0}</source>
        <translation>图表未导出：没有名为 {0} 的视图</translation>
    </message>
    <message>
        <source> ({0} file(s) written before it)</source>
        <translation>（此前已写入 {0} 个文件）</translation>
    </message>
    <message>
        <source>Figures not exported: {0}{1}</source>
        <translation>图表未导出：{0}{1}</translation>
    </message>
    <message>
        <source>wrote {0} figure files to {1}</source>
        <translation>已将 {0} 个图表文件写入 {1}</translation>
    </message>
    <message>
        <source>Export best weights</source>
        <translation>导出最佳权重</translation>
    </message>
    <message>
        <source>Export checkpoint</source>
        <translation>导出检查点</translation>
    </message>
    <message>
        <source>PyTorch checkpoint (*.pt);;All files (*)</source>
        <translation>PyTorch 检查点 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checkpoint not saved: a demonstration has no weights to save</source>
        <translation>检查点未保存：演示没有可保存的权重</translation>
    </message>
    <message>
        <source>Checkpoint not saved: no model yet; press Play or Step first</source>
        <translation>检查点未保存：还没有模型；请先按“播放”或“单步”</translation>
    </message>
    <message>
        <source>Checkpoint not saved: {0}</source>
        <translation>检查点未保存：{0}</translation>
    </message>
    <message>
        <source>saving checkpoint to {0}…</source>
        <translation>正在把检查点保存到 {0}…</translation>
    </message>
    <message>
        <source>Checkpoint not saved: {0}. Training goes on.</source>
        <translation>检查点未保存：{0}。训练继续进行。</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <source>PyTorch checkpoint (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch 检查点 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open {0}: no such file</source>
        <translation>无法打开 {0}：文件不存在</translation>
    </message>
    <message>
        <source>opening checkpoint {0}…</source>
        <translation>正在打开检查点 {0}…</translation>
    </message>
    <message>
        <source>opened checkpoint {0}: epoch {1}, step {2}. Press Play to continue training it.</source>
        <translation>已打开检查点 {0}：第 {1} 轮，第 {2} 步。按“播放”继续训练。</translation>
    </message>
    <message>
        <source>No metrics yet: press Play or Step first</source>
        <translation>还没有指标：请先按“播放”或“单步”</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Metrics not exported: this demonstration has no training history</source>
        <translation>指标未导出：此演示没有训练历史</translation>
    </message>
    <message>
        <source>Metrics not exported: use a .csv or .json file name, not {0}</source>
        <translation>指标未导出：请使用 .csv 或 .json 文件名，而不是 {0}</translation>
    </message>
    <message>
        <source>Metrics not exported: {0}</source>
        <translation>指标未导出：{0}</translation>
    </message>
    <message>
        <source>metrics up to epoch {0} written to {1}</source>
        <translation>截至第 {0} 轮的指标已写入 {1}</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>TOML (*.toml);;JSON (*.json)</source>
        <translation>TOML (*.toml);;JSON (*.json)</translation>
    </message>
    <message>
        <source>experiment copied to the clipboard as TOML ({0} lines)</source>
        <translation>实验已作为 TOML 复制到剪贴板（{0} 行）</translation>
    </message>
    <message>
        <source>pasted experiment: {0}</source>
        <translation>已粘贴实验：{0}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>still writing the last recording; one moment</source>
        <translation>仍在写入上一段录制，请稍候</translation>
    </message>
    <message>
        <source>A recording is already running</source>
        <translation>已有录制正在进行</translation>
    </message>
    <message>
        <source>Not recording: no view called {0}</source>
        <translation>未录制：没有名为 {0} 的视图</translation>
    </message>
    <message>
        <source>Not recording: {0}</source>
        <translation>未录制：{0}</translation>
    </message>
    <message>
        <source>epoch {0} / {1} · step {2}</source>
        <translation>第 {0} / {1} 轮 · 第 {2} 步</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <source>writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <source>● REC {0} / {1}</source>
        <translation>● 录制中 {0} / {1}</translation>
    </message>
    <message>
        <source>writing {0}: frame {1} / {2}</source>
        <translation>正在写入 {0}：第 {1} / {2} 帧</translation>
    </message>
    <message>
        <source>recorded {0} frames ({1:.1f} s) to {2} ({3})</source>
        <translation>已录制 {0} 帧（{1:.1f} 秒）到 {2}（{3}）</translation>
    </message>
    <message>
        <source>; {0} frames skipped because encoding fell behind</source>
        <translation>；因编码跟不上，跳过了 {0} 帧</translation>
    </message>
    <message>
        <source>; a GIF of this size holds at most {0} frames: record an MP4 for longer runs</source>
        <translation>；此尺寸的 GIF 最多容纳 {0} 帧：较长的训练请录制 MP4</translation>
    </message>
    <message>
        <source>Recording not saved: {0}. Training goes on.</source>
        <translation>录制未保存：{0}。训练继续进行。</translation>
    </message>
</context>
<context>
    <name>FitView</name>
    <message>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>variant:</source>
        <translation>变体：</translation>
    </message>
    <message>
        <source>Whose predictions the sample images show.</source>
        <translation>样本图像显示哪个变体的预测。</translation>
    </message>
    <message>
        <source>mean of the seeds</source>
        <translation>各种子的均值</translation>
    </message>
    <message>
        <source>With several seeds per variant: draw the mean of their predictions, or one seed&apos;s run.</source>
        <translation>每个变体有多个种子时：画出各种子预测的均值，或某一个种子的运行。</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>a folder of its own for each sweep, in {0}</source>
        <translation>每个扫描各用一个文件夹，位于 {0}</translation>
    </message>
    <message>
        <source>The sweep folder (sweep.csv, sweep.json): starting the same sweep again on it skips the finished cells. Left empty, each sweep gets a folder of its own.</source>
        <translation>扫描文件夹（sweep.csv、sweep.json）：在其中再次启动同一个扫描会跳过已完成的单元。留空时，每个扫描各用一个文件夹。</translation>
    </message>
    <message>
        <source>Sweep folder</source>
        <translation>扫描文件夹</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>About Regularization Explorer</source>
        <translation>关于正则化探索器</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Regularization Explorer {0}&lt;/h3&gt;&lt;p&gt;A desktop lab for seeing overfitting and regularization happen: dropout, L1/L2 penalties, weight decay and early stopping, live.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;正则化探索器 {0}&lt;/h3&gt;&lt;p&gt;一个桌面实验室，实时观察过拟合与正则化的发生：Dropout（暂退法）、L1/L2 惩罚、权重衰减和早停。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>one step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>reset to step 0</source>
        <translation>重置到第 0 步</translation>
    </message>
    <message>
        <source>open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>export figures</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>presentation mode (projector)</source>
        <translation>演示模式（投影仪）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>next control</source>
        <translation>下一个控件</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <source>Histograms</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>随时间变化</translation>
    </message>
    <message>
        <source>Now: this moment&apos;s weight and gradient histograms of every layer. Over time: how one layer&apos;s weight histogram changed during training.</source>
        <translation>当前：此刻每一层的权重与梯度直方图。随时间变化：某一层的权重直方图在训练中如何变化。</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Which Linear layer&apos;s histograms to show.</source>
        <translation>显示哪个 Linear 层的直方图。</translation>
    </message>
    <message>
        <source>show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Off: how many values fall in each bin. On: each variant&apos;s histogram scaled to area 1, to compare shapes when the variants hold different numbers of values.</source>
        <translation>关：每个区间里有多少个值。开：把每个变体的直方图缩放到面积为 1，在各变体的值个数不同时比较形状。</translation>
    </message>
    <message>
        <source>all seeds pooled</source>
        <translation>合并所有种子</translation>
    </message>
    <message>
        <source>With several seeds per variant: all seeds&apos; weights pooled in one histogram, or one seed&apos;s.</source>
        <translation>每个变体有多个种子时：把所有种子的权重合并到一个直方图中，或只显示某一个种子的。</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>权重值</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>{layer}: weight histogram over time — oldest at the top (faint), newest at the bottom (bold)</source>
        <translation>{layer}：权重直方图随时间的变化——最早的在上方（浅色），最新的在下方（粗线）</translation>
    </message>
    <message>
        <source>gradient value</source>
        <translation>梯度值</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>(top: weights, bottom: gradients; y: density)</source>
        <translation>（上：权重，下：梯度；y：密度）</translation>
    </message>
    <message>
        <source>(top: weights, bottom: gradients; y: count)</source>
        <translation>（上：权重，下：梯度；y：计数）</translation>
    </message>
    <message>
        <source>(y: count)</source>
        <translation>（y：计数）</translation>
    </message>
    <message>
        <source>(y: density)</source>
        <translation>（y：密度）</translation>
    </message>
</context>
<context>
    <name>ImagesMode</name>
    <message>
        <source>pred {k} (p={p})</source>
        <translation>预测 {k}（p={p}）</translation>
    </message>
    <message>
        <source>{name}: {c} of {n} right</source>
        <translation>{name}：{n} 个中对了 {c} 个</translation>
    </message>
    <message>
        <source>(predicted class)</source>
        <translation>（预测类别）</translation>
    </message>
    <message>
        <source>(predicted class, probability)</source>
        <translation>（预测类别，概率）</translation>
    </message>
    <message>
        <source>±{sd} · {pct}% flips</source>
        <translation>±{sd} · {pct}% 翻转</translation>
    </message>
</context>
<context>
    <name>InsideDropout</name>
    <message>
        <source>Step inspector</source>
        <translation>单步检查器</translation>
    </message>
    <message>
        <source>One training step inside a dropout layer: a, r, m, d = a * m, de/dd and de/da = de/dd * m.</source>
        <translation>Dropout 层内部的一个训练步：a、r、m、d = a * m、de/dd 以及 de/da = de/dd * m。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Custom experiment</source>
        <translation>自定义实验</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <source>Press play (Space) and watch the training and validation losses: when validation turns up while training keeps falling, the network is overfitting. Then add dropout or a weight penalty on the right.</source>
        <translation>按“播放”（空格键），观察训练损失和验证损失：当训练损失继续下降而验证损失开始上升时，网络就过拟合了。然后在右侧加入 Dropout 或权重惩罚。</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>使用 {0}</translation>
    </message>
    <message>
        <source>(downloads about {0} MB once)</source>
        <translation>（只需下载一次，约 {0} MB）</translation>
    </message>
</context>
<context>
    <name>LiveRunDuringSweep</name>
    <message>
        <source>Paused the live run while the sweep trains (both would share the processor); it plays on when the sweep ends.</source>
        <translation>扫描训练期间已暂停当前运行（两者会争用处理器）；扫描结束后它会继续运行。</translation>
    </message>
    <message>
        <source>Resume it now</source>
        <translation>现在继续运行</translation>
    </message>
    <message>
        <source>The live run plays beside the sweep (they share the processor).</source>
        <translation>当前运行与扫描同时进行（两者共用处理器）。</translation>
    </message>
    <message>
        <source>The sweep ended; the live run plays on.</source>
        <translation>扫描已结束；当前运行继续。</translation>
    </message>
</context>
<context>
    <name>LogSlider</name>
    <message>
        <source>&apos;{0}&apos; is not a number</source>
        <translation>“{0}”不是数字</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a finite number</source>
        <translation>“{0}”不是有限数</translation>
    </message>
    <message>
        <source>must be 0 or more (got {0})</source>
        <translation>必须大于或等于 0（输入的是 {0}）</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>must be at most {0} (got {1})</source>
        <translation>不能超过 {0}（输入的是 {1}）</translation>
    </message>
</context>
<context>
    <name>Looks</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Large fonts, thick lines and high contrast for a projector (F5 or Ctrl+P)</source>
        <translation>适合投影仪的大字体、粗线条和高对比度（F5 或 Ctrl+P）</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Logarithmic loss axis: early, large losses and late, small ones become readable at once.</source>
        <translation>对数损失坐标轴：早期的大损失和后期的小损失可以同时看清。</translation>
    </message>
    <message>
        <source>band: min-max over seeds</source>
        <translation>带：各种子的最小值到最大值</translation>
    </message>
    <message>
        <source>band: mean ± 1 SD</source>
        <translation>带：均值 ± 1 个标准差</translation>
    </message>
    <message>
        <source>With several seeds per variant: the line is the mean over the seeds; the band shows their spread, the range from the lowest to the highest seed or the mean ± one standard deviation.</source>
        <translation>每个变体有多个种子时：线是各种子的均值；带表示它们的离散程度，即从最低到最高种子的范围，或均值 ± 一个标准差。</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>train (on a fixed subsample of {0} images; all of them at the last epoch)</source>
        <translation>训练（在固定的 {0} 张图像子样本上测量；最后一轮使用全部图像）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>band over seeds</source>
        <translation>种子间的带</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regularization Explorer</source>
        <translation>正则化探索器</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Data &amp;&amp; optimiser</source>
        <translation>数据与优化器</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Could not start the trainer: {0}</source>
        <translation>无法启动训练器：{0}</translation>
    </message>
    <message>
        <source>model rebuilt: {0} hidden layer(s)</source>
        <translation>模型已重建：{0} 个隐藏层</translation>
    </message>
    <message>
        <source>, {0} variants</source>
        <translation>，{0} 个变体</translation>
    </message>
    <message>
        <source>all variants</source>
        <translation>所有变体</translation>
    </message>
    <message>
        <source>variant “{0}” renamed to “{1}”</source>
        <translation>变体“{0}”已改名为“{1}”</translation>
    </message>
    <message>
        <source>variant “{0}” renamed to “{1}”: its name states its value</source>
        <translation>变体“{0}”已改名为“{1}”：它的名称写的是它的取值</translation>
    </message>
    <message>
        <source>reset: new model from step 0</source>
        <translation>已重置：从第 0 步开始的新模型</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>a view failed to draw: {0}</source>
        <translation>某个视图绘制失败：{0}</translation>
    </message>
    <message>
        <source>Use the CPU</source>
        <translation>改用 CPU</translation>
    </message>
    <message>
        <source>Restart the trainer</source>
        <translation>重启训练器</translation>
    </message>
    <message>
        <source>training on the CPU now: model rebuilt from step 0</source>
        <translation>现在在 CPU 上训练：模型已从第 0 步重建</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>未应用：{0}</translation>
    </message>
    <message>
        <source>opened preset {0}</source>
        <translation>已打开预设 {0}</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Experiments (*.json *.toml);;All files (*)</source>
        <translation>实验 (*.json *.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <source>opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <source>experiment saved to {0}</source>
        <translation>实验已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NarrationView</name>
    <message>
        <source>What is happening</source>
        <translation>当前状况</translation>
    </message>
    <message>
        <source>Press ▶ (Space) to start training; this line explains what the curves are doing.</source>
        <translation>按 ▶（空格键）开始训练；这里会解释曲线正在发生什么。</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <source>{name}: waiting for the first evaluation.</source>
        <translation>{name}：正在等待第一次评估。</translation>
    </message>
    <message>
        <source>{name}: not trained yet; the losses before the first step: training {train}, validation {val}.</source>
        <translation>{name}：尚未训练；第一步之前的损失：训练 {train}，验证 {val}。</translation>
    </message>
    <message>
        <source>{name}: not trained yet; the training loss before the first step: {train}.</source>
        <translation>{name}：尚未训练；第一步之前的训练损失：{train}。</translation>
    </message>
    <message>
        <source>{name}: the loss is no longer a finite number: training diverged. Lower the learning rate or the penalty and press Reset.</source>
        <translation>{name}：损失已不再是有限数，训练发散了。请降低学习率或惩罚强度，然后按“重置”。</translation>
    </message>
    <message>
        <source>{name}: stopped early at epoch {stop}; the best weights, from epoch {best}, were restored.</source>
        <translation>{name}：在第 {stop} 轮提前停止；已恢复第 {best} 轮的最佳权重。</translation>
    </message>
    <message>
        <source>{name}: stopped early at epoch {stop}; validation loss was best at epoch {best}.</source>
        <translation>{name}：在第 {stop} 轮提前停止；验证损失在第 {best} 轮最低。</translation>
    </message>
    <message>
        <source>{name}: validation loss has risen for {n} evaluations while training loss falls: the model is overfitting.</source>
        <translation>{name}：训练损失仍在下降，而验证损失已连续 {n} 次评估上升：模型正在过拟合。</translation>
    </message>
    <message>
        <source>Early stopping will stop in {left} more.</source>
        <translation>早停将在 {left} 次评估后停止训练。</translation>
    </message>
    <message>
        <source>Early stopping will stop at the next evaluation.</source>
        <translation>早停将在下一次评估时停止训练。</translation>
    </message>
    <message>
        <source>{name}: validation loss has not improved for {n} evaluations (best at epoch {best}).</source>
        <translation>{name}：验证损失已连续 {n} 次评估没有改善（最佳在第 {best} 轮）。</translation>
    </message>
    <message>
        <source>{name}: training loss is still falling fast (down {pct} % in {epochs} epochs).</source>
        <translation>{name}：训练损失仍在快速下降（{epochs} 轮内下降了 {pct} %）。</translation>
    </message>
    <message>
        <source>{name}: both losses have flattened (training {train}, validation {val}).</source>
        <translation>{name}：两条损失曲线都已趋于平稳（训练 {train}，验证 {val}）。</translation>
    </message>
    <message>
        <source>{name}: the training loss has flattened at {train}.</source>
        <translation>{name}：训练损失已稳定在 {train}。</translation>
    </message>
    <message>
        <source>{name}: both losses are still falling slowly (training {train}, validation {val}).</source>
        <translation>{name}：两条损失仍在缓慢下降（训练 {train}，验证 {val}）。</translation>
    </message>
    <message>
        <source>{name}: the training loss is still falling slowly ({train}).</source>
        <translation>{name}：训练损失仍在缓慢下降（{train}）。</translation>
    </message>
    <message>
        <source>{name}: the training loss is still falling slowly ({train}); the validation loss is not falling ({val}).</source>
        <translation>{name}：训练损失仍在缓慢下降（{train}）；验证损失没有下降（{val}）。</translation>
    </message>
    <message>
        <source>Training finished at epoch {epoch}.</source>
        <translation>训练在第 {epoch} 轮结束。</translation>
    </message>
    <message>
        <source>Lowest validation loss: {name} ({val}).</source>
        <translation>验证损失最低：{name}（{val}）。</translation>
    </message>
    <message>
        <source>{kind} dropout: the train-mode outputs average {mean}, the eval-mode output is {eval}.</source>
        <translation>{kind} Dropout：训练模式输出的平均值为 {mean}，评估模式的输出为 {eval}。</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} points of test accuracy over {n} seeds: not distinguishable from seed noise; run more seeds.</source>
        <translation>{b} 对比 {a}：{n} 个种子上测试准确率相差 {diff} ± {se} 个百分点：与种子噪声无法区分；请用更多种子。</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} points of test accuracy over {n} seeds: a real difference, beyond seed noise.</source>
        <translation>{b} 对比 {a}：{n} 个种子上测试准确率相差 {diff} ± {se} 个百分点：差异真实存在，超出了种子噪声。</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} in test loss over {n} seeds: not distinguishable from seed noise; run more seeds.</source>
        <translation>{b} 对比 {a}：{n} 个种子上测试损失相差 {diff} ± {se}：与种子噪声无法区分；请用更多种子。</translation>
    </message>
    <message>
        <source>{b} vs {a}: {diff} ± {se} in test loss over {n} seeds: a real difference, beyond seed noise.</source>
        <translation>{b} 对比 {a}：{n} 个种子上测试损失相差 {diff} ± {se}：差异真实存在，超出了种子噪声。</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>反向缩放</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>vanilla</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>DC</source>
        <translation>DC</translation>
    </message>
    <message>
        <source>gauss</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>variant:</source>
        <translation>变体：</translation>
    </message>
    <message>
        <source>Whose network the diagram shows.</source>
        <translation>结构图显示哪个变体的网络。</translation>
    </message>
    <message>
        <source>The network appears here when training starts.</source>
        <translation>开始训练后，网络结构会显示在这里。</translation>
    </message>
    <message>
        <source>…+{n}</source>
        <translation>…+{n}</translation>
    </message>
    <message>
        <source>input
{n}</source>
        <translation>输入
{n}</translation>
    </message>
    <message>
        <source>in
{n}</source>
        <translation>输入
{n}</translation>
    </message>
    <message>
        <source>hidden {k}
{w} {act}</source>
        <translation>隐藏层 {k}
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
        <translation>输出
{n}</translation>
    </message>
    <message>
        <source>out
{n}</source>
        <translation>输出
{n}</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>inv</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>van</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>DC</source>
        <translation>DC</translation>
    </message>
    <message>
        <source>gauss</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>Dropout p and kind of this layer; change them in the Regularization panel (live). </source>
        <translation>本层的 Dropout 概率 p 和类型；请在“正则化”面板中修改（实时生效）。</translation>
    </message>
    <message>
        <source>Move this layer towards the input</source>
        <translation>把这一层移向输入端</translation>
    </message>
    <message>
        <source>Move this layer towards the output</source>
        <translation>把这一层移向输出端</translation>
    </message>
    <message>
        <source>Remove this hidden layer</source>
        <translation>删除这个隐藏层</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>dropout p</source>
        <translation>Dropout p</translation>
    </message>
    <message>
        <source>No hidden layers: a linear model y = W·x + b.</source>
        <translation>没有隐藏层：线性模型 y = W·x + b。</translation>
    </message>
    <message>
        <source>Add hidden layer</source>
        <translation>添加隐藏层</translation>
    </message>
    <message>
        <source>Layer sizes from input to output, and the number of trainable parameters Σ(n_in·n_out + n_out).</source>
        <translation>从输入到输出的各层大小，以及可训练参数的数量 Σ(n_in·n_out + n_out)。</translation>
    </message>
    <message>
        <source>Compare variants</source>
        <translation>比较变体</translation>
    </message>
    <message>
        <source>Train variants side by side</source>
        <translation>并排训练多个变体</translation>
    </message>
    <message>
        <source>Add variant</source>
        <translation>添加变体</translation>
    </message>
    <message>
        <source>Add a variant (a copy of the selected one, or of the base settings); tune it in the Regularization panel.</source>
        <translation>添加一个变体（复制所选变体或基础设置）；在“正则化”面板中调整它。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected variant.</source>
        <translation>删除所选变体。</translation>
    </message>
    <message>
        <source>in → {0} → out (sizes of input and output follow from the dataset)</source>
        <translation>输入 → {0} → 输出（输入和输出的大小由数据集决定）</translation>
    </message>
    <message>
        <source>{0} · {1} parameters</source>
        <translation>{0} · {1} 个参数</translation>
    </message>
</context>
<context>
    <name>NeuronTooltip</name>
    <message>
        <source>hidden layer {k}, neuron {i} of {w}</source>
        <translation>隐藏层 {k}，第 {i} 个神经元（共 {w} 个）</translation>
    </message>
    <message>
        <source>computes h = {act}(w · x + b)</source>
        <translation>计算 h = {act}(w · x + b)</translation>
    </message>
    <message>
        <source>Gaussian noise: output × {m}</source>
        <translation>高斯噪声：输出 × {m}</translation>
    </message>
    <message>
        <source>dropped this step (output × 0)</source>
        <translation>本步被丢弃（输出 × 0）</translation>
    </message>
    <message>
        <source>kept this step (output × {m})</source>
        <translation>本步被保留（输出 × {m}）</translation>
    </message>
    <message>
        <source>layer activation: mean {m}, variance {v}</source>
        <translation>层激活值：均值 {m}，方差 {v}</translation>
    </message>
</context>
<context>
    <name>NormView</name>
    <message>
        <source>Weight norms</source>
        <translation>权重范数</translation>
    </message>
    <message>
        <source>weight norm ‖W‖</source>
        <translation>权重范数 ‖W‖</translation>
    </message>
</context>
<context>
    <name>ParityMode</name>
    <message>
        <source>true y (test set)</source>
        <translation>真实 y（测试集）</translation>
    </message>
    <message>
        <source>predicted y</source>
        <translation>预测 y</translation>
    </message>
    <message>
        <source>perfect prediction</source>
        <translation>完美预测</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>1920 pixels wide</source>
        <translation>宽 1920 像素</translation>
    </message>
    <message>
        <source>1280 pixels wide</source>
        <translation>宽 1280 像素</translation>
    </message>
    <message>
        <source>960 pixels wide</source>
        <translation>宽 960 像素</translation>
    </message>
    <message>
        <source>640 pixels wide</source>
        <translation>宽 640 像素</translation>
    </message>
    <message>
        <source>Same as on screen</source>
        <translation>与屏幕上相同</translation>
    </message>
    <message>
        <source>Record animation</source>
        <translation>录制动画</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Animated GIF (plays everywhere, also in chat and on the web)</source>
        <translation>GIF 动图（到处都能播放，包括聊天和网页）</translation>
    </message>
    <message>
        <source>MP4 video (H.264: small, smooth, for slides and video players)</source>
        <translation>MP4 视频（H.264：体积小、流畅，适合幻灯片和视频播放器）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>The whole dashboard</source>
        <translation>整个仪表板</translation>
    </message>
    <message>
        <source>View: {0}</source>
        <translation>视图：{0}</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>录制：</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>帧率：</translation>
    </message>
    <message>
        <source> s at most</source>
        <translation> 秒（最长）</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>帧尺寸：</translation>
    </message>
    <message>
        <source>Start training if it is paused</source>
        <translation>若训练已暂停则开始训练</translation>
    </message>
    <message>
        <source>Stop recording when training finishes</source>
        <translation>训练结束时停止录制</translation>
    </message>
    <message>
        <source>Frames are taken while training runs and encoded in the background; the file appears when the recording stops.</source>
        <translation>训练进行时截取画面并在后台编码；录制停止时生成文件。</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <source>Record animation to</source>
        <translation>将动画录制到</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>请选择文件名。</translation>
    </message>
</context>
<context>
    <name>RegularizationPanel</name>
    <message>
        <source>Edit variant:</source>
        <translation>编辑变体：</translation>
    </message>
    <message>
        <source>≠ differs between variants: choose one above to see its value</source>
        <translation>≠ 表示各变体的取值不同：在上方选择一个变体以查看其取值</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>No hidden layers, so nothing to drop.</source>
        <translation>没有隐藏层，因此没有可丢弃的单元。</translation>
    </message>
    <message>
        <source>p = 1 drops every unit: the layer passes nothing on, and the network cannot learn.</source>
        <translation>p = 1 会丢弃所有单元：这一层什么也传不下去，网络无法学习。</translation>
    </message>
    <message>
        <source>Weight penalties</source>
        <translation>权重惩罚</translation>
    </message>
    <message>
        <source>penalise biases too</source>
        <translation>同时惩罚偏置</translation>
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
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>loss = data + λ₁·Σ|w| + λ₂·Σw²  (no ½)</source>
        <translation>损失 = 数据损失 + λ₁·Σ|w| + λ₂·Σw²（无 ½）</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>stop when validation stops improving</source>
        <translation>验证损失不再改善时停止</translation>
    </message>
    <message>
        <source> evaluations</source>
        <translation> 次评估</translation>
    </message>
    <message>
        <source>restore the best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <source>patience P</source>
        <translation>耐心值 P</translation>
    </message>
    <message>
        <source>min Δ</source>
        <translation>最小改善 Δ</translation>
    </message>
    <message>
        <source>all variants</source>
        <translation>所有变体</translation>
    </message>
    <message>
        <source>Differs between variants: {0}</source>
        <translation>各变体取值不同：{0}</translation>
    </message>
    <message>
        <source>Hidden layer {0}: {1} neurons, {2}</source>
        <translation>隐藏层 {0}：{1} 个神经元，{2}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>反向缩放</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>DropConnect</source>
        <translation>DropConnect</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>penalty {0:.4g} (train loss {1})</source>
        <translation>惩罚项 {0:.4g}（训练损失 {1}）</translation>
    </message>
    <message>
        <source>, mean of {0} seeds</source>
        <translation>，{0} 个种子的均值</translation>
    </message>
    <message>
        <source>waiting for the first evaluation</source>
        <translation>正在等待第一次评估</translation>
    </message>
    <message>
        <source>best {0:.4g} at epoch {1} · wait {2}/{3}</source>
        <translation>最佳 {0:.4g}（第 {1} 轮）· 已等待 {2}/{3}</translation>
    </message>
    <message>
        <source> · stopped at epoch {0}</source>
        <translation> · 在第 {0} 轮停止</translation>
    </message>
    <message>
        <source> (best weights restored)</source>
        <translation>（已恢复最佳权重）</translation>
    </message>
</context>
<context>
    <name>RenameOffer</name>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Keep the name</source>
        <translation>保留原名</translation>
    </message>
    <message>
        <source>“{0}” names a value this variant no longer has. Rename it to “{1}”?</source>
        <translation>“{0}”写的是这个变体已不再使用的取值。要改名为“{1}”吗？</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>epoch {0} / {1} · step {2}</source>
        <translation>第 {0} / {1} 轮 · 第 {2} 步</translation>
    </message>
    <message>
        <source>Epochs done / epochs planned, and optimisation steps taken (steps per epoch = ⌈N/B⌉).</source>
        <translation>已完成轮数 / 计划轮数，以及已执行的优化步数（每轮步数 = ⌈N/B⌉）。</translation>
    </message>
    <message>
        <source>Share of the planned epochs done.</source>
        <translation>计划轮数中已完成的比例。</translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation>{0} 步/秒</translation>
    </message>
    <message>
        <source>Optimisation steps per second (all variants together).</source>
        <translation>每秒优化步数（所有变体合计）。</translation>
    </message>
    <message>
        <source>The device the trainer is using.</source>
        <translation>训练器正在使用的设备。</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>no step for {0} s</source>
        <translation>已 {0} 秒没有新的训练步</translation>
    </message>
    <message>
        <source>{0} / {1} train-mode passes</source>
        <translation>训练模式前向传播 {0} / {1} 次</translation>
    </message>
    <message>
        <source>device: {0}</source>
        <translation>设备：{0}</translation>
    </message>
</context>
<context>
    <name>ScalingMode</name>
    <message>
        <source>network output</source>
        <translation>网络输出</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>output in eval mode</source>
        <translation>评估模式下的输出</translation>
    </message>
    <message>
        <source>mean of the train-mode outputs</source>
        <translation>训练模式输出的均值</translation>
    </message>
    <message>
        <source>histogram of many train-mode outputs</source>
        <translation>多次训练模式输出的直方图</translation>
    </message>
    <message>
        <source>eval</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>eval {e} · mean of train {m}</source>
        <translation>评估 {e} · 训练均值 {m}</translation>
    </message>
    <message>
        <source>eval {e} · press Play to draw train-mode outputs</source>
        <translation>评估 {e} · 按“播放”以抽取训练模式输出</translation>
    </message>
</context>
<context>
    <name>SeedChoice</name>
    <message>
        <source>With several seeds per variant: whose run shows.</source>
        <translation>每个变体有多个种子时：显示哪个种子的运行。</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>种子 {0}</translation>
    </message>
</context>
<context>
    <name>SettingsNotes</name>
    <message>
        <source>The settings file could not be read; it was kept as {0} and the defaults are used.</source>
        <translation>无法读取设置文件；已将其保留为 {0}，现使用默认设置。</translation>
    </message>
    <message>
        <source>Another Regularization Explorer window uses the same settings: this one does not save its layout or last experiment (File ▸ Save experiment keeps your work).</source>
        <translation>另一个正则化探索器窗口正在使用同一份设置：本窗口不会保存其布局和最近的实验（可用 文件 ▸ 保存实验 保留你的工作）。</translation>
    </message>
    <message>
        <source>The settings file {0} cannot be read ({1}); it is left as it is and nothing is saved.</source>
        <translation>无法读取设置文件 {0}（{1}）；该文件保持原样，不会保存任何内容。</translation>
    </message>
    <message>
        <source>Settings cannot be saved in {0} ({1}): the layout and the last experiment will not be kept.</source>
        <translation>无法在 {0} 中保存设置（{1}）：窗口布局和最近的实验将不会被保留。</translation>
    </message>
</context>
<context>
    <name>SnapshotView</name>
    <message>
        <source>Press ▶ to start training: this plot fills in live.</source>
        <translation>按 ▶ 开始训练：这张图会实时绘制。</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>variant:</source>
        <translation>变体：</translation>
    </message>
    <message>
        <source>layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>sample:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>all units</source>
        <translation>全部单元</translation>
    </message>
    <message>
        <source>Show every unit of the layer, not only the first {n}.</source>
        <translation>显示该层的所有单元，而不只是前 {n} 个。</translation>
    </message>
    <message>
        <source>Which sample (row) of the last training batch to show.</source>
        <translation>显示上一个训练批次中的哪个样本（行）。</translation>
    </message>
    <message>
        <source>The hidden layer whose dropout is shown.</source>
        <translation>显示其 Dropout 的隐藏层。</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Index of the unit in the layer.</source>
        <translation>单元在该层中的序号。</translation>
    </message>
    <message>
        <source>a: the unit&apos;s activation, a = act(W x + b), before dropout.</source>
        <translation>a：单元的激活值，a = act(W x + b)，在 Dropout 之前。</translation>
    </message>
    <message>
        <source>r ~ U(0, 1): the random number drawn for the unit (Gaussian dropout: ε ~ N(0, 1)).</source>
        <translation>r ~ U(0, 1)：为该单元抽取的随机数（高斯 Dropout：ε ~ N(0, 1)）。</translation>
    </message>
    <message>
        <source>m: the mask. Inverted: m = 0 if r &lt; p else 1/(1-p). Vanilla: m = 0 if r &lt; p else 1. Gaussian: m = 1 + sqrt(p/(1-p)) ε.</source>
        <translation>m：掩码。反向缩放：若 r &lt; p 则 m = 0，否则 m = 1/(1-p)。原始：若 r &lt; p 则 m = 0，否则 m = 1。高斯：m = 1 + sqrt(p/(1-p)) ε。</translation>
    </message>
    <message>
        <source>d = a * m: what the next layer receives.</source>
        <translation>d = a * m：下一层接收到的值。</translation>
    </message>
    <message>
        <source>de/dd: the gradient of the loss e with respect to d, from the backward pass.</source>
        <translation>de/dd：损失 e 对 d 的梯度，来自反向传播。</translation>
    </message>
    <message>
        <source>de/da = de/dd * m, as the trainer computed it: the gradient flows only through kept units, scaled the same way.</source>
        <translation>de/da = de/dd * m，即训练器实际算出的值：梯度只流过被保留的单元，并以同样的方式缩放。</translation>
    </message>
    <message>
        <source>The same draws r for both kinds.</source>
        <translation>两种做法使用同一组随机数 r。</translation>
    </message>
    <message>
        <source>m inverted</source>
        <translation>m 反向缩放</translation>
    </message>
    <message>
        <source>Inverted dropout: m = 0 if r &lt; p else 1/(1-p); eval: d = a.</source>
        <translation>反向缩放 Dropout：若 r &lt; p 则 m = 0，否则 m = 1/(1-p)；评估时 d = a。</translation>
    </message>
    <message>
        <source>d inverted</source>
        <translation>d 反向缩放</translation>
    </message>
    <message>
        <source>d = a * m with inverted dropout: E[d] = a.</source>
        <translation>反向缩放 Dropout 下的 d = a * m：E[d] = a。</translation>
    </message>
    <message>
        <source>m vanilla</source>
        <translation>m 原始</translation>
    </message>
    <message>
        <source>Vanilla dropout: m = 0 if r &lt; p else 1; eval: d = (1-p) a.</source>
        <translation>原始 Dropout：若 r &lt; p 则 m = 0，否则 m = 1；评估时 d = (1-p) a。</translation>
    </message>
    <message>
        <source>d vanilla</source>
        <translation>d 原始</translation>
    </message>
    <message>
        <source>d = a * m with vanilla dropout: E[d] = (1-p) a.</source>
        <translation>原始 Dropout 下的 d = a * m：E[d] = (1-p) a。</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>d inverted / d vanilla = 1/(1-p) for every kept unit.</source>
        <translation>对每个被保留的单元，d 反向缩放 / d 原始 = 1/(1-p)。</translation>
    </message>
    <message>
        <source>Inverted vs vanilla dropout, same r</source>
        <translation>反向缩放与原始 Dropout 对比（同一个 r）</translation>
    </message>
    <message>
        <source>Both kinds drop the same units; inverted dropout scales the kept ones by 1/(1-p) while training.</source>
        <translation>两种做法丢弃相同的单元；反向缩放 Dropout 在训练时把保留的单元乘以 1/(1-p)。</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>单步检查器</translation>
    </message>
    <message>
        <source>DropConnect weight mask M (first rows and columns)</source>
        <translation>DropConnect 权重掩码 M（前若干行和列）</translation>
    </message>
    <message>
        <source>DropConnect drops weights: y = x (W * M)^T with M = 0 if r &lt; p else 1/(1-p). Backward: de/dW = de/d(W*M) * M. Dark: dropped.</source>
        <translation>DropConnect 丢弃的是权重：y = x (W * M)^T，其中若 r &lt; p 则 M = 0，否则 M = 1/(1-p)。反向传播：de/dW = de/d(W*M) * M。暗色：被丢弃。</translation>
    </message>
    <message>
        <source>layer {n} ({kind})</source>
        <translation>第 {n} 层（{kind}）</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>反向缩放</translation>
    </message>
    <message>
        <source>vanilla</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>DropConnect</source>
        <translation>DropConnect</translation>
    </message>
    <message>
        <source>no dropout</source>
        <translation>无 Dropout</translation>
    </message>
    <message>
        <source>Press Step (S), or pause while training: the inspector shows the step just taken.</source>
        <translation>按“单步”（S），或在训练时暂停：检查器显示刚刚完成的那一步。</translation>
    </message>
    <message>
        <source>step {step} · {variant} · layer {layer} ({kind}, p = {p}) · sample {s} of a batch of {b}</source>
        <translation>第 {step} 步 · {variant} · 第 {layer} 层（{kind}，p = {p}）· 一个含 {b} 个样本的批次中的样本 {s}</translation>
    </message>
    <message>
        <source>de/dW = de/d(W*M) * M matches autograd: max difference {d}</source>
        <translation>de/dW = de/d(W*M) * M 与自动求导一致：最大差值 {d}</translation>
    </message>
    <message>
        <source>de/dW = de/d(W*M) * M does NOT match autograd: max difference {d}</source>
        <translation>de/dW = de/d(W*M) * M 与自动求导不一致：最大差值 {d}</translation>
    </message>
    <message>
        <source>de/da = de/dd * m matches autograd: max difference {d}</source>
        <translation>de/da = de/dd * m 与自动求导一致：最大差值 {d}</translation>
    </message>
    <message>
        <source>de/da = de/dd * m does NOT match autograd: max difference {d}</source>
        <translation>de/da = de/dd * m 与自动求导不一致：最大差值 {d}</translation>
    </message>
    <message>
        <source>torch.autograd differentiates d = a * m with the recorded de/dd and gets de/da; this is its largest difference from the de/da the training step used.</source>
        <translation>torch.autograd 用记录下的 de/dd 对 d = a * m 求导，得到 de/da；这里显示它与训练步实际使用的 de/da 之间的最大差值。</translation>
    </message>
</context>
<context>
    <name>SweepFields</name>
    <message>
        <source>dropout p of every hidden layer</source>
        <translation>所有隐藏层的 dropout p</translation>
    </message>
    <message>
        <source>dropout p of one hidden layer</source>
        <translation>某一隐藏层的 dropout p</translation>
    </message>
    <message>
        <source>L2 penalty lambda</source>
        <translation>L2 惩罚 lambda</translation>
    </message>
    <message>
        <source>L1 penalty lambda</source>
        <translation>L1 惩罚 lambda</translation>
    </message>
    <message>
        <source>decoupled weight decay</source>
        <translation>解耦权重衰减</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>SGD momentum</source>
        <translation>SGD 动量</translation>
    </message>
    <message>
        <source>early-stopping patience</source>
        <translation>早停耐心值</translation>
    </message>
    <message>
        <source>width of every hidden layer</source>
        <translation>所有隐藏层的宽度</translation>
    </message>
    <message>
        <source>width of one hidden layer</source>
        <translation>某一隐藏层的宽度</translation>
    </message>
    <message>
        <source>number of training samples</source>
        <translation>训练样本数</translation>
    </message>
    <message>
        <source>dataset noise</source>
        <translation>数据集噪声</translation>
    </message>
    <message>
        <source>dataset seed (another data draw)</source>
        <translation>数据集种子（另一次数据抽取）</translation>
    </message>
</context>
<context>
    <name>SweepPlaceBox</name>
    <message>
        <source>Where it runs</source>
        <translation>在哪里运行</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Processes on this computer:</source>
        <translation>本机上的进程数：</translation>
    </message>
    <message>
        <source>Dask scheduler at</source>
        <translation>Dask 调度器地址</translation>
    </message>
    <message>
        <source>Send file data from this computer</source>
        <translation>从本机发送文件数据</translation>
    </message>
    <message>
        <source>Train the chunks one after another in one process: nothing to set up.</source>
        <translation>在一个进程中依次训练各块：无需任何设置。</translation>
    </message>
    <message>
        <source>Start this many worker processes here (a Dask cluster inside the app), one chunk and one thread each: a sweep uses every core.</source>
        <translation>在本机启动这么多个工作进程（应用内的 Dask 集群），每个进程一次训练一块、使用一个线程：扫描会用上所有核心。</translation>
    </message>
    <message>
        <source>Send the chunks to your lab&apos;s cluster: the address of its &apos;dask scheduler&apos;. The workers need the same explorer and torch versions as this computer.</source>
        <translation>把各块发送到实验室的集群：填写其“dask scheduler”的地址。各工作进程的 explorer 和 torch 版本须与本机相同。</translation>
    </message>
    <message>
        <source>File and image sets: send the data once to each worker instead of having the workers read the dataset path (which must then be a folder every worker sees).</source>
        <translation>文件和图像数据集：把数据向每个工作进程发送一次，而不是让工作进程读取数据集路径（否则该路径必须是每个工作进程都能访问的文件夹）。</translation>
    </message>
</context>
<context>
    <name>SweepRunner</name>
    <message>
        <source>the sweep process ended unexpectedly</source>
        <translation>扫描进程意外结束</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>gap (test - train loss)</source>
        <translation>差距（测试损失 - 训练损失）</translation>
    </message>
    <message>
        <source>gap (train - test accuracy)</source>
        <translation>差距（训练准确率 - 测试准确率）</translation>
    </message>
    <message>
        <source>No cells yet: set up a sweep and press Start; each cell appears here as it trains.</source>
        <translation>还没有单元：设置好扫描后按“开始”；每个单元在训练时就会出现在这里。</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>final</source>
        <translation>最终</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>{when} {split} {what}</source>
        <translation>{when}{split}{what}</translation>
    </message>
    <message>
        <source>{words}, layer {n}</source>
        <translation>{words}（第 {n} 层）</translation>
    </message>
    <message>
        <source>{when} {what}</source>
        <translation>{when}{what}</translation>
    </message>
    <message>
        <source>best {metric}</source>
        <translation>最佳（{metric}）</translation>
    </message>
    <message>
        <source>mean over {n} seeds; band: lowest to highest seed</source>
        <translation>{n} 个种子的均值；带：从最低到最高的种子</translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation>（对数刻度）</translation>
    </message>
    <message>
        <source>Best {metric}: {value} at {cell} ({n} seeds; the band spans the seeds).</source>
        <translation>最佳{metric}：{value}，位于 {cell}（{n} 个种子；带覆盖各种子的范围）。</translation>
    </message>
    <message>
        <source>Diverged: {cells}.</source>
        <translation>发散：{cells}。</translation>
    </message>
    <message>
        <source>{metric}: mean ± SD over {n} seeds; the best cell outlined</source>
        <translation>{metric}：{n} 个种子的均值 ± 标准差；最佳单元已框出</translation>
    </message>
    <message>
        <source>Best {metric}: {value} at {cell}.</source>
        <translation>最佳{metric}：{value}，位于 {cell}。</translation>
    </message>
    <message>
        <source>Additivity: {text}</source>
        <translation>可加性：{text}</translation>
    </message>
    <message>
        <source>These cells have no {metric}: a regression has no accuracy, and a run without a validation split no validation values. Choose another metric.</source>
        <translation>这些单元没有{metric}：回归没有准确率，没有验证集的运行也没有验证值。请选择其他指标。</translation>
    </message>
    <message>
        <source>{cell}: {metric} {mean} (min {low}, max {high}, {n} seeds)</source>
        <translation>{cell}：{metric} {mean}（最小 {low}，最大 {high}，{n} 个种子）</translation>
    </message>
</context>
<context>
    <name>SweepWindow</name>
    <message>
        <source>The sweep stopped: {0}</source>
        <translation>扫描已停止：{0}</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>and, as a grid</source>
        <translation>以及（网格）</translation>
    </message>
    <message>
        <source>seeds per cell</source>
        <translation>每个单元的种子数</translation>
    </message>
    <message>
        <source>show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>What the Sweep view shows and stars the best of: the final or best loss or accuracy (drawn for train, validation and test), or the train-test gap.</source>
        <translation>扫描视图显示的指标，并用星标出其最佳值：最终或最佳的损失或准确率（训练、验证和测试各画一条线），或训练与测试之间的差距。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Starting the sweep…</source>
        <translation>正在启动扫描…</translation>
    </message>
    <message>
        <source>Connecting to the cluster…</source>
        <translation>正在连接集群…</translation>
    </message>
    <message>
        <source>Could not start the sweep: {0}</source>
        <translation>无法启动扫描：{0}</translation>
    </message>
    <message>
        <source>{cells} cells x {seeds} seeds; {done} already in the folder; about {mb} MB per chunk.</source>
        <translation>{cells} 个单元 x {seeds} 个种子；文件夹中已有 {done} 个；每块约 {mb} MB。</translation>
    </message>
    <message>
        <source>Workers: {0}</source>
        <translation>工作进程：{0}</translation>
    </message>
    <message>
        <source>The sweep is finished; its files are in {0}.</source>
        <translation>扫描已完成；文件在 {0} 中。</translation>
    </message>
    <message>
        <source>Cancelled; the finished cells are in {0}.</source>
        <translation>已取消；已完成的单元在 {0} 中。</translation>
    </message>
    <message>
        <source>The cells that had not finished stay drawn as they were when cancelled; they are not in the folder, and starting the sweep again trains them anew.</source>
        <translation>未完成的单元仍按取消时的样子画出；它们不在文件夹中，再次启动扫描时会重新训练。</translation>
    </message>
    <message>
        <source>There is no sweep to export yet.</source>
        <translation>还没有可导出的扫描。</translation>
    </message>
    <message>
        <source>Wrote {0}.</source>
        <translation>已写入 {0}。</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>TestTimeControls</name>
    <message>
        <source>dropout at test time: T passes</source>
        <translation>测试时使用 Dropout：T 次传播</translation>
    </message>
    <message>
        <source>Keep dropout on at prediction time and draw T stochastic passes (MC dropout): y_t = f(x; m_t), t = 1..T, with a fresh mask m_t each pass. Drawn: their mean (1/T) Σ y_t, a band of ±2 SD and the single passes, beside the usual eval-mode output. The mean approaches the eval-mode (weight-scaled) output as T grows; the spread is a cheap uncertainty estimate (Gal and Ghahramani 2016).</source>
        <translation>预测时保持 Dropout 开启，做 T 次随机前向传播（MC Dropout）：y_t = f(x; m_t)，t = 1..T，每次传播使用新的掩码 m_t。图中画出它们的均值 (1/T) Σ y_t、±2 个标准差的带以及各次单独的传播，并与通常的评估模式输出并列。随着 T 增大，均值趋近评估模式（按权重缩放）的输出；离散程度是一种廉价的不确定性估计（Gal 和 Ghahramani 2016）。</translation>
    </message>
    <message>
        <source>T, the number of stochastic passes (1 to 1000), drawn as one batched forward of T copies.</source>
        <translation>T：随机前向传播的次数（1 到 1000），作为 T 个副本的一次批量前向传播计算。</translation>
    </message>
</context>
<context>
    <name>TestTimeView</name>
    <message>
        <source>Dropout at test time</source>
        <translation>测试时的 Dropout</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>SD of the T passes</source>
        <translation>T 次传播的标准差</translation>
    </message>
    <message>
        <source>Switch on &apos;dropout at test time&apos; in the fit view to draw the passes.</source>
        <translation>在拟合视图中打开“测试时使用 Dropout”即可画出各次传播。</translation>
    </message>
</context>
<context>
    <name>Tooltips</name>
    <message>
        <source>Dropout probability p: during training each unit of this layer is dropped (set to 0) with probability p; p = 0 turns dropout off. Kept units: m_i ~ Bernoulli(1−p).</source>
        <translation>Dropout 概率 p：训练时本层的每个单元以概率 p 被丢弃（置为 0）；p = 0 表示关闭 Dropout。保留的单元：m_i ~ Bernoulli(1−p)。</translation>
    </message>
    <message>
        <source>Inverted dropout: during training each unit is kept with probability 1−p and scaled by 1/(1−p), so nothing changes at test time. m_i ~ Bernoulli(1−p)/(1−p).</source>
        <translation>反向缩放 Dropout（inverted dropout）：训练时每个单元以概率 1−p 保留并乘以 1/(1−p)，因此测试时无需任何改动。m_i ~ Bernoulli(1−p)/(1−p)。</translation>
    </message>
    <message>
        <source>Vanilla dropout (the original paper): units are kept with probability 1−p without scaling during training; at test time outputs are multiplied by (1−p). Train: h·m, m_i ~ Bernoulli(1−p); test: h·(1−p).</source>
        <translation>原始 Dropout（原论文的做法）：训练时单元以概率 1−p 保留且不缩放；测试时输出乘以 (1−p)。训练：h·m，m_i ~ Bernoulli(1−p)；测试：h·(1−p)。</translation>
    </message>
    <message>
        <source>DropConnect: drops individual weights instead of units, W̃ = W ⊙ M with M_ij ~ Bernoulli(1−p)/(1−p), a new mask every step.</source>
        <translation>DropConnect：丢弃单个权重而不是单元，W̃ = W ⊙ M，其中 M_ij ~ Bernoulli(1−p)/(1−p)，每一步都使用新的掩码。</translation>
    </message>
    <message>
        <source>Gaussian dropout: multiplies each unit by Gaussian noise of mean 1 instead of a 0/1 mask, m_i ~ N(1, p/(1−p)); same mean and variance as inverted dropout.</source>
        <translation>高斯 Dropout：用均值为 1 的高斯噪声代替 0/1 掩码乘到每个单元上，m_i ~ N(1, p/(1−p))；均值和方差与反向缩放 Dropout 相同。</translation>
    </message>
    <message>
        <source>How this layer drops: inverted (scale 1/(1−p) while training), vanilla (scale by 1−p at test time), DropConnect (drop weights W_ij) or Gaussian noise m ~ N(1, p/(1−p)).</source>
        <translation>本层的丢弃方式：反向缩放（训练时乘以 1/(1−p)）、原始（测试时乘以 1−p）、DropConnect（丢弃权重 W_ij）或高斯噪声 m ~ N(1, p/(1−p))。</translation>
    </message>
    <message>
        <source>L1 penalty: adds λ·Σ|w| to the loss; its gradient λ·sign(w) pushes small weights to exactly zero, so the weight histogram gets a spike at 0 (sparse weights).</source>
        <translation>L1 惩罚：在损失中加上 λ·Σ|w|；其梯度 λ·sign(w) 会把较小的权重推到恰好为零，因此权重直方图在 0 处出现尖峰（稀疏权重）。</translation>
    </message>
    <message>
        <source>L2 penalty: adds λ·Σw² to the loss (no ½); its gradient 2λw pulls every weight towards zero and the weight histogram narrows.</source>
        <translation>L2 惩罚：在损失中加上 λ·Σw²（无 ½）；其梯度 2λw 把每个权重拉向零，权重直方图随之变窄。</translation>
    </message>
    <message>
        <source>Decoupled weight decay (AdamW): after each step w ← w − η·wd·w, outside the loss. With plain SGD it equals an L2 penalty with λ = wd/2; with Adam it does not.</source>
        <translation>解耦权重衰减（AdamW）：每步之后执行 w ← w − η·wd·w，不计入损失。使用普通 SGD 时它等价于 λ = wd/2 的 L2 惩罚；使用 Adam 时则不等价。</translation>
    </message>
    <message>
        <source>Also penalise (and decay) the bias vectors b, not only the weights W: Σ runs over W and b. Usually only weights are penalised.</source>
        <translation>除权重 W 外，也惩罚（并衰减）偏置向量 b：Σ 同时遍历 W 和 b。通常只惩罚权重。</translation>
    </message>
    <message>
        <source>Conventions used here: L1 = λ·Σ|w|, L2 = λ·Σw² (no ½), total loss = data loss + L1 + L2.</source>
        <translation>此处采用的约定：L1 = λ·Σ|w|，L2 = λ·Σw²（无 ½），总损失 = 数据损失 + L1 + L2。</translation>
    </message>
    <message>
        <source>Early stopping: stop training when the validation loss has not improved by more than δ for P evaluations in a row (stop when wait ≥ P).</source>
        <translation>早停：当验证损失连续 P 次评估的改善都不超过 δ 时停止训练（wait ≥ P 时停止）。</translation>
    </message>
    <message>
        <source>Patience P: how many evaluations without improvement are tolerated; training stops when wait ≥ P.</source>
        <translation>耐心值 P：允许连续多少次评估没有改善；wait ≥ P 时停止训练。</translation>
    </message>
    <message>
        <source>Minimum improvement δ: an evaluation counts as better only if val_loss &lt; best − δ.</source>
        <translation>最小改善 δ：只有当 val_loss &lt; best − δ 时，这次评估才算更好。</translation>
    </message>
    <message>
        <source>Restore best: when stopping, put back the weights of the best evaluation, w ← w_best (otherwise the last weights are kept).</source>
        <translation>恢复最佳：停止时换回最佳评估时的权重，w ← w_best（否则保留最后的权重）。</translation>
    </message>
    <message>
        <source>Which variant the controls edit in compare mode. &quot;All variants&quot; sets a value in every variant: v_k ← x for all k.</source>
        <translation>比较模式下这些控件编辑哪个变体。“所有变体”会把值设置到每个变体中：对所有 k，v_k ← x。</translation>
    </message>
    <message>
        <source>Learning rate η: the size of each gradient step, w ← w − η·∇L. Too large diverges, too small crawls.</source>
        <translation>学习率 η：每一步梯度更新的大小，w ← w − η·∇L。太大会发散，太小则进展缓慢。</translation>
    </message>
    <message>
        <source>Momentum μ (SGD): keeps a running velocity v ← μ·v + ∇L and steps w ← w − η·v; μ = 0.9 averages about 1/(1−μ) = 10 gradients.</source>
        <translation>动量 μ（SGD）：维护一个速度 v ← μ·v + ∇L，并按 w ← w − η·v 更新；μ = 0.9 时大约平均了 1/(1−μ) = 10 个梯度。</translation>
    </message>
    <message>
        <source>Optimiser: SGD w ← w − η·∇L; Adam scales each step by running moments, w ← w − η·m̂/(√v̂ + ε); AdamW is Adam with decoupled weight decay.</source>
        <translation>优化器：SGD 按 w ← w − η·∇L 更新；Adam 用梯度的滑动矩缩放每一步，w ← w − η·m̂/(√v̂ + ε)；AdamW 是带解耦权重衰减的 Adam。</translation>
    </message>
    <message>
        <source>Batch size B: samples per gradient step; the gradient is the batch mean (1/B)·Σ∇ℓ_i. Full batch: B = N, one step per epoch.</source>
        <translation>批量大小 B：每次梯度更新使用的样本数；梯度是小批量上的平均 (1/B)·Σ∇ℓ_i。全批量：B = N，每轮一步。</translation>
    </message>
    <message>
        <source>Epochs: passes over the training set; one epoch is ⌈N/B⌉ steps.</source>
        <translation>轮数：遍历训练集的次数；一轮为 ⌈N/B⌉ 步。</translation>
    </message>
    <message>
        <source>Training seed: fixes the initial weights, the batch order and the dropout masks; the same seed gives the same run (w₀ = f(seed)).</source>
        <translation>训练随机种子：决定初始权重、批量顺序和 Dropout 掩码；相同的种子得到相同的训练过程（w₀ = f(seed)）。</translation>
    </message>
    <message>
        <source>Seeds per variant N: every variant trains N times, with seeds s, s+1, …, s+N−1 (other initial weights, batch order and masks; the same data), all in lockstep. The curves show the mean and a band over the seeds, so a difference can be weighed against seed noise.</source>
        <translation>每个变体的种子数 N：每个变体用种子 s, s+1, …, s+N−1 训练 N 次（初始权重、批次顺序和掩码不同；数据相同），全部同步进行。曲线显示各种子的均值和范围带，从而可以把差异与种子噪声相比较。</translation>
    </message>
    <message>
        <source>Evaluate train/validation/test loss every k epochs; early-stopping patience counts these evaluations (P evaluations = P·k epochs).</source>
        <translation>每隔 k 轮评估一次训练/验证/测试损失；早停的耐心值按评估次数计算（P 次评估 = P·k 轮）。</translation>
    </message>
    <message>
        <source>Where the trainer runs: auto uses a CUDA GPU when present, else the CPU. If CUDA is chosen but not available the trainer falls back to the CPU and says so.</source>
        <translation>训练器运行在哪里：“自动”在有 CUDA GPU 时使用 GPU，否则使用 CPU。如果选择了 CUDA 但不可用，训练器会改用 CPU 并给出提示。</translation>
    </message>
    <message>
        <source>The data: regression curves y = f(x) + ε, 2-D classification sets, small images (digits, IDX files such as MNIST) or a CSV file.</source>
        <translation>数据：回归曲线 y = f(x) + ε、二维分类数据集、小图像（手写数字、MNIST 等 IDX 文件）或 CSV 文件。</translation>
    </message>
    <message>
        <source>Noise σ of the training targets: y = f(x) + ε with ε ~ N(0, σ²). More noise gives the network more to overfit.</source>
        <translation>训练目标的噪声 σ：y = f(x) + ε，其中 ε ~ N(0, σ²)。噪声越大，网络越容易过拟合。</translation>
    </message>
    <message>
        <source>Noise σ of the validation and test draws (empty: the same as the training noise).</source>
        <translation>验证集和测试集采样的噪声 σ（留空：与训练噪声相同）。</translation>
    </message>
    <message>
        <source>Training points N. Few points and a big network make overfitting easy to see: parameters ≫ N.</source>
        <translation>训练样本数 N。样本少而网络大时，过拟合很容易看到：参数数量 ≫ N。</translation>
    </message>
    <message>
        <source>Validation points: held out, never trained on; early stopping watches their loss.</source>
        <translation>验证样本：留出且从不用于训练；早停监视它们的损失。</translation>
    </message>
    <message>
        <source>Test points: held out, measure how well the model generalises (test loss).</source>
        <translation>测试样本：留出，用于衡量模型的泛化能力（测试损失）。</translation>
    </message>
    <message>
        <source>Number of inputs d of the high-dimensional linear set: y = w*·x + b* + ε, x ∈ ℝ^d.</source>
        <translation>高维线性数据集的输入维度 d：y = w*·x + b* + ε，x ∈ ℝ^d。</translation>
    </message>
    <message>
        <source>Share of the samples held out for validation: n_val = fraction · N.</source>
        <translation>留作验证集的样本比例：n_val = fraction · N。</translation>
    </message>
    <message>
        <source>Share of the samples held out for testing: n_test = fraction · N.</source>
        <translation>留作测试集的样本比例：n_test = fraction · N。</translation>
    </message>
    <message>
        <source>Use at most this many samples of a file or image set (0: all); fewer samples overfit sooner.</source>
        <translation>最多使用文件或图像集中的这么多样本（0：全部）；样本越少越早过拟合。</translation>
    </message>
    <message>
        <source>The file (CSV: features…, label per row) or folder (IDX: *-images-idx3-ubyte[.gz] and *-labels-idx1-ubyte[.gz]) to read.</source>
        <translation>要读取的文件（CSV：每行为特征…和标签）或文件夹（IDX：*-images-idx3-ubyte[.gz] 和 *-labels-idx1-ubyte[.gz]）。</translation>
    </message>
    <message>
        <source>Draw a new dataset: the same recipe with a new data seed (data seed + 1).</source>
        <translation>重新抽取数据集：生成方式不变，换一个新的数据种子（数据种子 + 1）。</translation>
    </message>
    <message>
        <source>Neurons n in this hidden layer: h = act(W·x + b), where W has n rows.</source>
        <translation>这个隐藏层的神经元数 n：h = act(W·x + b)，其中 W 有 n 行。</translation>
    </message>
    <message>
        <source>Nonlinearity after the layer: relu(z) = max(0, z), tanh(z), sigmoid σ(z) = 1/(1 + e^−z), gelu(z) = z·Φ(z), linear(z) = z.</source>
        <translation>该层之后的非线性激活函数：relu(z) = max(0, z)、tanh(z)、sigmoid σ(z) = 1/(1 + e^−z)、gelu(z) = z·Φ(z)、linear(z) = z。</translation>
    </message>
    <message>
        <source>Compare mode: train several variants in lockstep from the same data and the same initial weights w₀, so their curves share axes; only regularization and optimiser settings differ.</source>
        <translation>比较模式：用相同的数据和相同的初始权重 w₀ 同步训练多个变体，它们的曲线共用坐标轴；只有正则化和优化器设置不同。</translation>
    </message>
    <message>
        <source>The variants trained side by side; double-click to rename. Each variant starts from the same w₀.</source>
        <translation>并排训练的各个变体；双击可重命名。每个变体都从相同的 w₀ 开始。</translation>
    </message>
    <message>
        <source>Dropout p of the demonstration Dropout(p) → Linear(n, 1) with every weight 1, on n ones. Inverted: train outputs scatter around n, eval = n; vanilla: train ≈ n·(1−p), eval = n·(1−p).</source>
        <translation>演示网络 Dropout(p) → Linear(n, 1) 的 Dropout 概率 p，所有权重为 1，输入为 n 个 1。反向缩放：训练输出在 n 附近波动，评估 = n；原始：训练 ≈ n·(1−p)，评估 = n·(1−p)。</translation>
    </message>
    <message>
        <source>Number of inputs n (all ones): the eval output of inverted dropout is exactly n.</source>
        <translation>输入数 n（全为 1）：反向缩放 Dropout 的评估输出恰好为 n。</translation>
    </message>
    <message>
        <source>How many train-mode forward passes are drawn for the histogram; their mean approaches the eval output, E[m_i] = 1.</source>
        <translation>为直方图抽取多少次训练模式的前向传播；它们的均值趋近评估输出，E[m_i] = 1。</translation>
    </message>
    <message>
        <source>This demonstration trains no network: Dropout(p) → Linear(n, 1), all weights 1, on n ones. Its settings (p, n) are in the Data panel.</source>
        <translation>这个演示不训练网络：Dropout(p) → Linear(n, 1)，所有权重为 1，输入为 n 个 1。它的设置（p, n）在“数据”面板中。</translation>
    </message>
    <message>
        <source>Add a hidden layer at the output side (a copy of the last one): h_{k+1} = act(W_{k+1}·h_k + b_{k+1}).</source>
        <translation>在输出端添加一个隐藏层（复制最后一层）：h_{k+1} = act(W_{k+1}·h_k + b_{k+1})。</translation>
    </message>
</context>
<context>
    <name>TrainerHost</name>
    <message>
        <source>could not start the trainer process: {0}</source>
        <translation>无法启动训练器进程：{0}</translation>
    </message>
    <message>
        <source>the trainer did not stop in time</source>
        <translation>训练器未能及时停止</translation>
    </message>
    <message>
        <source>checkpoint saved to {path}</source>
        <translation>检查点已保存到 {path}</translation>
    </message>
    <message>
        <source>The trainer process stopped unexpectedly (exit code {code}). Press Reset to restart it; your experiment is kept.</source>
        <translation>训练器进程意外停止（退出码 {code}）。按“重置”重新启动它；你的实验设置会保留。</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play / pause training (Space)</source>
        <translation>播放 / 暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One optimisation step, then pause (S)</source>
        <translation>执行一步优化，然后暂停（S）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New initial weights from the seed, back to step 0 (R)</source>
        <translation>按随机种子重新初始化权重，回到第 0 步（R）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save experiment…</source>
        <translation>保存实验(&amp;S)…</translation>
    </message>
    <message>
        <source>Open &amp;preset</source>
        <translation>打开预设(&amp;P)</translation>
    </message>
    <message>
        <source>Export &amp;figures…</source>
        <translation>导出图表(&amp;F)…</translation>
    </message>
    <message>
        <source>Export &amp;checkpoint…</source>
        <translation>导出检查点(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>扫描(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Weight histograms</source>
        <translation>权重直方图</translation>
    </message>
    <message>
        <source>Activation variance</source>
        <translation>激活值方差</translation>
    </message>
    <message>
        <source>Weight norms</source>
        <translation>权重范数</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Opened the cell paused while the sweep trains: press Play to watch it.</source>
        <translation>扫描仍在训练，该单元以暂停状态打开：按“播放”观看它训练。</translation>
    </message>
    <message>
        <source>(presets unavailable: {0})</source>
        <translation>（预设不可用：{0}）</translation>
    </message>
    <message>
        <source>Clear this list</source>
        <translation>清空此列表</translation>
    </message>
</context>
<context>
    <name>WorkersTable</name>
    <message>
        <source>Worker</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <source>Cells done</source>
        <translation>已完成的单元</translation>
    </message>
    <message>
        <source>The Dask workers this sweep uses and the cells each has finished.</source>
        <translation>本次扫描使用的 Dask 工作进程，以及每个进程已完成的单元数。</translation>
    </message>
</context>
<context>
    <name>_LayerHistoryView</name>
    <message>
        <source>log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Logarithmic y axis, for values that span orders of magnitude.</source>
        <translation>对数 y 轴，适合跨越多个数量级的数值。</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>_NoFitMode</name>
    <message>
        <source>No fit picture for this data set: the decision boundary is drawn for 2-D inputs. See the loss and accuracy curves.</source>
        <translation>此数据集没有拟合图：决策边界只针对二维输入绘制。请查看损失和准确率曲线。</translation>
    </message>
</context>
<context>
    <name>_PipeReader</name>
    <message>
        <source>could not read from the trainer: {0}</source>
        <translation>无法从训练器读取数据：{0}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Could not open {0}: {1}. Showing the default preset instead.</source>
        <translation>无法打开 {0}：{1}。改为显示默认预设。</translation>
    </message>
    <message>
        <source>The experiment saved when the app last closed could not be opened ({0}), nor kept ({1}). Showing the default preset.</source>
        <translation>上次关闭时保存的实验无法打开（{0}），也无法另存保留（{1}）。现显示默认预设。</translation>
    </message>
    <message>
        <source>The experiment saved when the app last closed could not be opened ({0}). It was kept as {1}; showing the default preset.</source>
        <translation>上次关闭时保存的实验无法打开（{0}）。已将其保留为 {1}；现显示默认预设。</translation>
    </message>
</context>
</TS>
