// The modeler in the studio's language. bpmn-js and its properties panel pass every label through a `translate`
// service; in Simplified Chinese it reads the community translations of bpmn-js (palette, context pad, replace menu)
// and, for the properties panel (which that package does not cover), the labels below: the ones a CTI office edits.
import bpmnJsChinese from 'bpmn-js-i18n/translations/zn.js';

const propertiesPanelChinese = {
  'General': '常规',
  'Name': '名称',
  'ID': 'ID',
  'Version tag': '版本标签',
  'Executable': '可执行',
  'Documentation': '文档',
  'Element documentation': '元素文档',
  'Process documentation': '流程文档',
  'Implementation': '实现',
  'Task definition': '任务定义',
  'Type': '类型',
  'Retries': '重试次数',
  'Assignment': '分配',
  'Assignee': '处理人',
  'Candidate groups': '候选组',
  'Candidate users': '候选用户',
  'Due date': '截止日期',
  'Follow up date': '跟进日期',
  'Priority': '优先级',
  'Form': '表单',
  'Form ID': '表单 ID',
  'Camunda Form': 'Camunda 表单',
  'Camunda Form (linked)': 'Camunda 表单（链接）',
  'Camunda Form (embedded)': 'Camunda 表单（嵌入）',
  'External form reference': '外部表单引用',
  'Custom form key': '自定义表单键',
  '<none>': '<无>',
  'Input mapping': '输入映射',
  'Output mapping': '输出映射',
  'Inputs': '输入',
  'Outputs': '输出',
  'Local variable name': '局部变量名',
  'Process variable name': '流程变量名',
  'Variable assignment value': '变量赋值',
  'Headers': '头信息',
  'Key': '键',
  'Value': '值',
  'Multi-instance': '多实例',
  'Input collection': '输入集合',
  'Input element': '输入元素',
  'Output collection': '输出集合',
  'Output element': '输出元素',
  'Completion condition': '完成条件',
  'Timer': '定时器',
  'Date': '日期',
  'Duration': '时长',
  'Cycle': '周期',
  'Message': '消息',
  'Global message reference': '全局消息引用',
  'Subscription correlation key': '订阅关联键',
  'Correlation key': '关联键',
  'Time to live': '存活时间',
  'Condition': '条件',
  'Condition expression': '条件表达式',
  'Called element': '被调用元素',
  'Process ID': '流程 ID',
  'Propagate all child variables': '传回子流程全部变量',
  'Propagate all parent variables': '传入父流程全部变量',
  'Error': '错误',
  'Code': '代码',
  'Errors': '错误',
  'Execution listeners': '执行监听器',
  'Task listeners': '任务监听器',
  'Extension properties': '扩展属性',
  'Job priority': '作业优先级',
  'Asynchronous continuations': '异步延续',
  'Before': '之前',
  'Create new ...': '新建……',
  'Click to set a dynamic value with FEEL expression': '点击以 FEEL 表达式设置动态值',
};

const chinese = { ...bpmnJsChinese, ...propertiesPanelChinese };

/** The modules that translate the modeler into `locale` (a .NET culture name such as "zh-Hans"); none for English. */
export function translationModules(locale) {
  if (!/^zh/i.test(locale ?? '')) {
    return [];
  }
  const translate = (template, replacements) =>
    (chinese[template] ?? template).replace(/{([^}]+)}/g, (_, key) => replacements?.[key] ?? `{${key}}`);
  return [{ translate: ['value', translate] }];
}
