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
        <source>dataset.path is required for the {kind} dataset</source>
        <translation>{kind} 数据集需要 dataset.path</translation>
    </message>
    <message>
        <source>validation_fraction + test_fraction must be below 0.95</source>
        <translation>validation_fraction + test_fraction 必须小于 0.95</translation>
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
        <source>{where}: must be one of {choices} (got {value})</source>
        <translation>{where}：必须是 {choices} 之一（实际为 {value}）</translation>
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
        <source>{name}: refused: the file holds objects other than tensors and plain values, which could run code when loaded ({detail})</source>
        <translation>{name}：已拒绝：该文件包含张量和普通值以外的对象，加载时可能执行代码（{detail}）</translation>
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
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>variant name</source>
        <translation>变体名称</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
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
        <source>layer:</source>
        <translation>层：</translation>
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
        <source>(top: weights, bottom: gradients; y: count)</source>
        <translation>（上：权重，下：梯度；y：计数）</translation>
    </message>
    <message>
        <source>(y: count)</source>
        <translation>（y：计数）</translation>
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
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
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
    <name>SnapshotView</name>
    <message>
        <source>Press ▶ to start training: this plot fills in live.</source>
        <translation>按 ▶ 开始训练：这张图会实时绘制。</translation>
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
        <source>(presets unavailable: {0})</source>
        <translation>（预设不可用：{0}）</translation>
    </message>
    <message>
        <source>Clear this list</source>
        <translation>清空此列表</translation>
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
</context>
</TS>
